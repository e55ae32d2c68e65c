"""What a federation coordinator runs (aggregation, releases); built in the federation issue."""
