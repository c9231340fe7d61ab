"""Long runs against a misbehaving server and killed processes: nothing lost, nothing doubled."""
