"""TimeClock's benchmark suite (issue #9): each figure against a floor measured in the same run.

Run it with ``.venv/bin/python -m benchmarks`` (``--quick`` for the small CI version,
``--help`` for the options). Every measurement runs in a child process of its own, the
way a person starts TimeClock, and is driven from outside the product: the children in
:mod:`benchmarks.harness` watch the window's paints with an event filter and the server
child in :mod:`benchmarks.serve` counts requests with an ASGI middleware, so no product
code carries a hook for the benchmark.
"""
