"""The Secretariat keeps the library; everyone reads (and downloads) what is published."""

import rules

from rial.accounts.rules import is_secretariat, secretariat_manages

secretariat_manages("library.document")
secretariat_manages("library.documentfile")
rules.add_perm("library.publish_document", is_secretariat)
