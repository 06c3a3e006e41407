"""Shared ground of every feature: it imports none of them."""
