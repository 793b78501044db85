"""Ministries' programs, their review workflow and the COVID-19 responses collection."""
