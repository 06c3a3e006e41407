"""Workshop templates: their pages, blocks, agenda, resources and local-content slots."""
