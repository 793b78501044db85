"""Benchmarks: ``python -m bench`` runs them all; figures go into docs/ (never timed tests)."""
