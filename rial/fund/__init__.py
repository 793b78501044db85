"""The fund's append-only ledger of contributions, allocations and expenses."""
