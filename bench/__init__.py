"""Benchmarks: what the SDK adds to the HTTP round trip, and how near bulk work gets to the rate floor.

`python -m bench` (or `nox -s bench`) runs every figure, prints a table and writes
bench/results/latest.json. Each figure is a ratio against a baseline measured in the same run
(baseline and subject runs interleaved, median of several), so a noisy shared machine moves both
sides alike. The figures live one per module: parse, per_call, cold_import, bulk, paging.
"""
