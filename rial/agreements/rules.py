"""Who may do what with agreements. Everyone reads published agreements; the Secretariat keeps them."""

import rules

from rial.accounts.rules import is_focal_point, is_focal_point_of_owner, is_secretariat, secretariat_manages

secretariat_manages("agreements.agreement")
secretariat_manages("agreements.agreementparty")
# Importing a CSV file changes many records at once: the Secretariat only.
rules.add_perm("agreements.import_agreements", is_secretariat)
# Archived agreements stay visible to the Secretariat only; exports follow the same rule per row.
rules.add_perm("agreements.view_archived", is_secretariat)

# Proposals: a focal point proposes for the ministries they act for (the service checks the country);
# the Secretariat reviews. A focal point sees, submits again and withdraws their ministry's proposals.
secretariat_manages("agreements.proposal")
secretariat_manages("agreements.proposaltransition")
rules.add_perm("agreements.propose_change", is_focal_point)
rules.add_perm("agreements.review_proposal", is_secretariat)
rules.add_perm("agreements.read_proposal", is_secretariat | is_focal_point_of_owner)
rules.add_perm("agreements.resubmit_proposal", is_focal_point_of_owner)
rules.add_perm("agreements.withdraw_proposal", is_focal_point_of_owner)
