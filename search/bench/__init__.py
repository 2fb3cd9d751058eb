"""The search benchmark's synthetic corpus: used by bench_search, never by the site."""
