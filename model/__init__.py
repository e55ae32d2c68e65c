"""The grooming-risk detector: conversations -> normalized text -> hashed features -> risk."""
