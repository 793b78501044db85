"""Only the Technical Secretariat composes, previews and sends the newsletter and sees its subscribers.

Anyone reads the issues that were sent (archive, feed, API) and subscribes or unsubscribes themselves
through signed links (``tokens.py``), without an account.
"""

import rules

from rial.accounts.rules import is_secretariat, secretariat_manages

for _label in ("newsletter.issue", "newsletter.issueitem", "newsletter.subscriber", "newsletter.delivery",
               "newsletter.bounce"):
    secretariat_manages(_label)
rules.add_perm("newsletter.compose_issue", is_secretariat)
rules.add_perm("newsletter.send_issue", is_secretariat)
