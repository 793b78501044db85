"""Calls for proposals, proposals, evaluation, execution, reports and impact."""
