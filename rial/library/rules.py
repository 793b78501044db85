"""The Secretariat keeps the library; everyone reads (and downloads) what is published. Ministries, the
advisory bodies (COSATE, CEATAL) and partner organizations submit studies and documents for the
Secretariat's review, as ministries submit programs: they keep their draft until they submit it."""

import rules

from rial.accounts.rules import (
    is_secretariat,
    secretariat_manages,
    speaks_for_an_institution,
    speaks_for_owner,
)


@rules.predicate
def is_unsubmitted_draft(user, document) -> bool:
    return document is not None and document.status == "draft"


secretariat_manages("library.document")
secretariat_manages("library.documentfile")
rules.set_perm("library.add_document", is_secretariat | speaks_for_an_institution)
rules.set_perm("library.change_document", is_secretariat | (speaks_for_owner & is_unsubmitted_draft))
rules.set_perm("library.view_document", is_secretariat | speaks_for_owner)
rules.add_perm("library.submit_document", speaks_for_owner & is_unsubmitted_draft)
rules.add_perm("library.publish_document", is_secretariat)
