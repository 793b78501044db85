"""Who may do what with agreements. Everyone reads published agreements; the Secretariat keeps them."""

import rules

from rial.accounts.rules import is_secretariat, secretariat_manages

secretariat_manages("agreements.agreement")
secretariat_manages("agreements.agreementparty")
# Importing a CSV file changes many records at once: the Secretariat only.
rules.add_perm("agreements.import_agreements", is_secretariat)
# Archived agreements stay visible to the Secretariat only; exports follow the same rule per row.
rules.add_perm("agreements.view_archived", is_secretariat)
