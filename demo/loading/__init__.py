"""Loading the demo site from demo/data/: English pages and snippets, then their translations."""
