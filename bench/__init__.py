"""Benchmarks: generators and drivers kept apart from the runtime code."""
