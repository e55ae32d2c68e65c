"""Text normalization for coded writing and stable feature hashing."""
