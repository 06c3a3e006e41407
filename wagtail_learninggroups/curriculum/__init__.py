"""The curriculum: modules, units and the offices (locations) that run them."""
