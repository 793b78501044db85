"""The Secretariat keeps the library; everyone reads (and downloads) what is published. Ministries, the
advisory bodies (COSATE, CEATAL) and partner organizations submit studies and documents for the
Secretariat's review, as ministries submit programs: they keep their draft until they submit it, and
change it again when the Secretariat returns it to them."""

import rules

from rial.accounts.rules import (
    is_secretariat,
    secretariat_manages,
    speaks_for_an_institution,
    speaks_for_owner,
)


@rules.predicate
def is_with_submitter(user, document) -> bool:
    return document is not None and document.is_with_submitter


secretariat_manages("library.document")
secretariat_manages("library.documentfile")
secretariat_manages("library.documenttransition")
rules.set_perm("library.add_document", is_secretariat | speaks_for_an_institution)
rules.set_perm("library.change_document", is_secretariat | (speaks_for_owner & is_with_submitter))
rules.set_perm("library.view_document", is_secretariat | speaks_for_owner)
rules.add_perm("library.submit_document", speaks_for_owner & is_with_submitter)
rules.add_perm("library.publish_document", is_secretariat)
rules.add_perm("library.review_document", is_secretariat)
