"""The demo's content, as data beside its loader (``load_demo_content``)."""
