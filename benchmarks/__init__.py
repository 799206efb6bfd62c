"""Benchmarks: each compares paperkit against a named alternative in the same run.

Run all with `python -m benchmarks` (or `make bench`); each writes its figures into its own
section of docs/BENCHMARKS.md together with the command that produced them.
"""
