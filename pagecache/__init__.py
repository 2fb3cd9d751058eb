"""The page cache for anonymous visitors, its HTTP headers, and purging every cache on publish."""
