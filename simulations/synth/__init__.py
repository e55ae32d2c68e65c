"""Deterministic synthetic chat corpus (English and Dutch), non-explicit by rule."""
