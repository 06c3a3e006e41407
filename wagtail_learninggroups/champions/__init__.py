"""Champions: the volunteers, their awards, the directory and the blocks that spotlight them."""
