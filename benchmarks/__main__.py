"""``python -m benchmarks``: run the benchmark suite and print its table."""

from benchmarks.cli import main

raise SystemExit(main())
