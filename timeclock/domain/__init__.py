"""The attendance model, time ranges, totals and stamping rules: pure Python, no I/O."""
