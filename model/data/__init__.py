"""Conversation records and their interchange formats (JSONL, PAN-2012 XML)."""
