"""Synthetic platforms, the main run and benchmarks: for tests and demos, never a dependency."""
