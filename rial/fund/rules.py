"""Who may do what with the fund's books: the Secretariat keeps them; nobody changes or deletes an entry."""

import rules

from rial.accounts.rules import is_secretariat, secretariat_manages

# Entries are written through the services and never changed or deleted, not even by the Secretariat.
rules.add_perm("fund.add_entry", is_secretariat)
rules.add_perm("fund.view_entry", is_secretariat)
rules.add_perm("fund.change_entry", rules.always_deny)
rules.add_perm("fund.delete_entry", rules.always_deny)
rules.add_perm("fund.reverse_entry", is_secretariat)
rules.add_perm("fund.view_ledger", is_secretariat)
rules.add_perm("fund.view_reports", is_secretariat)
secretariat_manages("fund.allocation")
rules.add_perm("fund.view_currencyaccount", is_secretariat)
for _action in ("add", "change", "delete"):
    rules.add_perm(f"fund.{_action}_currencyaccount", rules.always_deny)
