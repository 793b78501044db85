"""The search router of the REST API (mounted at /api/v1/ by rial/api.py)."""

from ninja import Router

router = Router(tags=["search"])
