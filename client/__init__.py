"""What a platform partner runs: local DP training, scoring and evaluation."""
