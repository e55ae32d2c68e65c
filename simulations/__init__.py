"""Synthetic platforms, the main job, benchmarks: for tests and demos, never a product dependency."""
