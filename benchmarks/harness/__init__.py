"""The child processes' side of the benchmarks: each module here is run as ``python -m``.

A child writes its result as JSON to the file named on its command line and exits at once
(``os._exit``): shutting down is not part of any figure.
"""
