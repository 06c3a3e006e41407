"""Local editions: each office's fills of a template's slots, roll-out, completeness report."""
