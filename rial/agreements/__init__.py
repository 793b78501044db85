"""Agreements, their parties and dates, and the coverage lookup."""
