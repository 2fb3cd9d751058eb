"""Benchmark generators for the stories listing, kept apart from the runtime code."""
