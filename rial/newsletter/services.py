"""Every change to the newsletter: composing and sending issues (the Secretariat), and subscriptions
(anyone, through signed links). Each function checks the permission and the state in one transaction and
logs the change (``save_logged``); views, the API, the admin and commands all call these.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from rial.core.audit import save_logged
from rial.core.emails import Recipient
from rial.core.languages import LANGUAGE_CODES
from rial.core.permissions import authorize
from rial.directory.recipients import recipient_for_user
from rial.newsletter import actions, segments, sending, tokens
from rial.newsletter.models import FREE_SECTIONS, REQUIRED_LANGUAGES, Delivery, Issue, IssueItem, Subscriber
from rial.newsletter.sources import SOURCES
from rial.newsletter.tasks import send_confirmation, send_issue, send_test
from rial.newsletter.workflows import ISSUE, SUBSCRIPTION

#: A second request for the same address within this time sends no second confirmation email.
CONFIRMATION_INTERVAL = datetime.timedelta(minutes=10)


# --- Subscriptions -----------------------------------------------------------------------------------------


def normalize_email(email: str) -> str:
    """The address as stored: trimmed and in lower case; a translated error when it is not an address."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"email": _("Enter a valid email address, such as name@example.org.")}) from error
    return email


def _link_sent_recently(subscriber: Subscriber, now: datetime.datetime) -> bool:
    return (subscriber.state == Subscriber.State.PENDING and subscriber.confirmation_sent_at is not None
            and now - subscriber.confirmation_sent_at < CONFIRMATION_INTERVAL)


def subscribe(*, email: str, language: str, name: str = "") -> Subscriber:
    """Ask for the newsletter at ``email``: a pending subscriber and a confirmation link by email.

    Nothing tells the person asking whether the address was subscribed already (the page says the same
    in every case); a confirmed subscriber is left as they are, and a pending one gets at most one link
    per ``CONFIRMATION_INTERVAL``.
    """
    email = normalize_email(email)
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            subscriber = Subscriber(email=email)
        elif subscriber.state == Subscriber.State.CONFIRMED or _link_sent_recently(subscriber, now):
            return subscriber
        if subscriber.pk:
            SUBSCRIPTION.move(subscriber, "request")
        subscriber.name = name.strip()[:200]
        subscriber.language = language
        subscriber.confirmation_nonce = tokens.new_nonce()
        subscriber.confirmation_sent_at = now
        save_logged(subscriber, user=None, action=actions.SUBSCRIBER_REQUESTED)
        transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk))
    return subscriber


def confirm(*, token: str) -> Subscriber:
    """Confirm the subscription a link was made for; a used, replaced, expired or forged link changes nothing."""
    try:
        claim = tokens.read_confirmation(token)
    except tokens.ExpiredLink as error:
        raise ValidationError(_("This confirmation link has expired. Subscribe again to receive a new link."),
                              code="expired") from error
    except tokens.InvalidLink as error:
        raise ValidationError(_("This confirmation link is not valid. Nothing was changed."), code="invalid") from error
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=claim.subscriber_id).first()
        if subscriber is None:
            raise ValidationError(_("This confirmation link is not valid. Nothing was changed."), code="invalid")
        if subscriber.state == Subscriber.State.CONFIRMED:
            raise ValidationError(_("This subscription is already confirmed. Nothing was changed."), code="used")
        if not subscriber.confirmation_nonce or not constant_time_compare(subscriber.confirmation_nonce, claim.nonce):
            raise ValidationError(_("This confirmation link was already used or replaced by a newer one. "
                                    "Nothing was changed."), code="used")
        SUBSCRIPTION.move(subscriber, "confirm")
        subscriber.confirmed_at = timezone.now()
        subscriber.left_at = None
        subscriber.confirmation_nonce = ""
        save_logged(subscriber, user=None, action=actions.SUBSCRIBER_CONFIRMED)
    return subscriber


def check_unsubscribe_link(*, subscriber_id: int, token: str) -> Subscriber:
    """The subscriber an unsubscribe link was made for; a translated refusal for any other link."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or not tokens.unsubscribe_token_matches(subscriber_id=subscriber.pk, email=subscriber.email,
                                                                  token=token):
        raise ValidationError(_("This unsubscribe link is not valid. Nothing was changed."), code="invalid")
    return subscriber


def unsubscribe(*, subscriber_id: int, token: str, user=None) -> Subscriber:
    """Leave the list (one click, no account). Leaving twice is not an error: the second changes nothing."""
    with transaction.atomic():
        subscriber = check_unsubscribe_link(subscriber_id=subscriber_id, token=token)
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if "unsubscribe" in SUBSCRIPTION.possible(subscriber.state):
            SUBSCRIPTION.move(subscriber, "unsubscribe")
            subscriber.left_at = timezone.now()
            subscriber.confirmation_nonce = ""
            save_logged(subscriber, user=user, action=actions.SUBSCRIBER_UNSUBSCRIBED)
    return subscriber


def subscriber_unsubscribe(*, subscriber: Subscriber, user) -> bool:
    """The Secretariat takes someone off the list (they asked by other means); False when they were off already."""
    authorize(user, "newsletter.change_subscriber", subscriber)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if "unsubscribe" not in SUBSCRIPTION.possible(subscriber.state):
            return False
        SUBSCRIPTION.move(subscriber, "unsubscribe")
        subscriber.left_at = timezone.now()
        subscriber.confirmation_nonce = ""
        save_logged(subscriber, user=user, action=actions.SUBSCRIBER_UNSUBSCRIBED_BY_SECRETARIAT)
    return True


# --- Composing ---------------------------------------------------------------------------------------------


def _editable(issue: Issue) -> None:
    if issue.state != Issue.State.DRAFT:
        raise ValidationError(_("Issue No. %(number)s is no longer a draft: it cannot be changed.")
                              % {"number": issue.number}, code="not_draft")


def next_number() -> int:
    return (Issue.objects.aggregate(last=Max("number"))["last"] or 0) + 1


def issue_save(*, issue: Issue, user) -> Issue:
    """Create or edit a draft issue (number, titles and introductions, editions written)."""
    authorize(user, "newsletter.compose_issue", issue if issue.pk else None)
    with transaction.atomic():
        if issue.pk:
            _editable(Issue.objects.select_for_update().get(pk=issue.pk))
        if Issue.objects.filter(number=issue.number).exclude(pk=issue.pk).exists():
            raise ValidationError({"number": _("Issue No. %(number)s exists already.") % {"number": issue.number}})
        issue.languages = [*REQUIRED_LANGUAGES, *[code for code in LANGUAGE_CODES if code not in REQUIRED_LANGUAGES and code in (issue.languages or [])]]
        save_logged(issue, user=user, action=actions.ISSUE_SAVED)
    return issue


def item_add(*, issue: Issue, user, source: str, object_id: int) -> IssueItem:
    """Add a record of another app to the issue, its texts copied in every language, at the end of its section."""
    authorize(user, "newsletter.compose_issue", issue)
    chosen = SOURCES.get(source)
    picked = chosen.pick(object_id) if chosen is not None else None
    if picked is None:
        raise ValidationError(_("This record is not public (any more) and cannot be added."), code="not_public")
    item = IssueItem(issue=issue, section=picked.section, source=source, object_id=object_id, date=picked.date)
    for language, text in picked.texts.items():
        setattr(item, f"title_{language}", text.title[:300])
        setattr(item, f"summary_{language}", text.summary[:3000])
        setattr(item, f"link_{language}", text.link[:500])
    try:
        with transaction.atomic():
            _editable(Issue.objects.select_for_update().get(pk=issue.pk))
            item.position = (issue.items.aggregate(last=Max("position"))["last"] or 0) + 1
            save_logged(item, user=user, action=actions.ITEM_ADDED)
    except IntegrityError as error:
        raise ValidationError(_("This record is in the issue already."), code="duplicate") from error
    return item


def item_save(*, item: IssueItem, user) -> IssueItem:
    """Save an item's texts (or a new free item: news from the ministries, a relevant link)."""
    authorize(user, "newsletter.compose_issue", item.issue)
    if not item.source and item.section not in FREE_SECTIONS:
        raise ValidationError({"section": _("Free text goes in “News from the ministries” or “Relevant links”.")})
    with transaction.atomic():
        _editable(Issue.objects.select_for_update().get(pk=item.issue_id))
        if not item.pk:
            item.position = (item.issue.items.aggregate(last=Max("position"))["last"] or 0) + 1
        save_logged(item, user=user, action=actions.ITEM_SAVED)
    return item


def item_move(*, item: IssueItem, user, up: bool) -> IssueItem:
    """Swap the item with the one before (``up``) or after it in the same section."""
    authorize(user, "newsletter.compose_issue", item.issue)
    with transaction.atomic():
        _editable(Issue.objects.select_for_update().get(pk=item.issue_id))
        siblings = IssueItem.objects.filter(issue_id=item.issue_id, section=item.section)
        neighbour = (siblings.filter(position__lt=item.position).order_by("-position").first() if up
                     else siblings.filter(position__gt=item.position).order_by("position").first())
        if neighbour is not None:
            item.position, neighbour.position = neighbour.position, item.position
            save_logged(neighbour, user=user, action=actions.ITEM_MOVED)
            save_logged(item, user=user, action=actions.ITEM_MOVED)
    return item


def item_remove(*, item: IssueItem, user) -> None:
    authorize(user, "newsletter.compose_issue", item.issue)
    with transaction.atomic():
        _editable(Issue.objects.select_for_update().get(pk=item.issue_id))
        item._history_user = user
        item._change_reason = actions.ITEM_REMOVED
        item.delete()


# --- Sending -----------------------------------------------------------------------------------------------


def issue_send_test(*, issue: Issue, user, language: str) -> Recipient:
    """Email the edition in ``language`` to the editor themself, marked TEST."""
    authorize(user, "newsletter.compose_issue", issue)
    recipient = recipient_for_user(user)
    if recipient is None:
        raise ValidationError(_("Your account has no email address to send the test to."), code="no_address")
    if language not in issue.languages:
        raise ValidationError({"language": _("This issue has no edition in that language.")})
    transaction.on_commit(lambda: send_test.enqueue(issue.pk, language, recipient.email, recipient.name))
    return recipient


def _check_ready(issue: Issue) -> None:
    if not issue.items.exists():
        raise ValidationError(_("Add at least one item before sending the issue."), code="empty")
    missing = [code for code in issue.languages if not getattr(issue, f"title_{code}")]
    if missing:
        raise ValidationError(_("Write the title of every edition before sending (missing: %(languages)s).")
                              % {"languages": ", ".join(missing)}, code="untitled")


def issue_send(*, issue: Issue, user, audience: str, expected: int | None = None) -> int:
    """Start sending the issue to ``audience``: one delivery per confirmed subscriber, then the background
    sender. Refused for an issue sent (or being sent) already. ``expected`` is the count the editor saw in
    the preview: when the list changed since, nothing is sent. Returns the number of recipients."""
    if not user.has_perm("newsletter.send_issue", issue):
        raise PermissionDenied("newsletter.send_issue")
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        ISSUE.check(issue, "send", user=user)
        _check_ready(issue)
        recipients = list(segments.subscribers(audience).values_list("pk", "email", "language"))
        if not recipients:
            raise ValidationError(_("Nobody in this audience has confirmed a subscription."), code="no_recipients")
        if expected is not None and expected != len(recipients):
            raise ValidationError(_("The list of recipients changed since you looked at it (now %(count)s). Check it "
                                    "and send again.") % {"count": len(recipients)}, code="changed")
        ISSUE.move(issue, "send", user=user)
        issue.audience = audience
        issue.audience_label = segments.label(audience)[:300]
        issue.recipients_count = len(recipients)
        issue.sent_at = timezone.now()
        issue.sent_by = user if user.is_authenticated else None
        save_logged(issue, user=user, action=actions.ISSUE_SENDING)
        Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber_id=pk, email=email, language=issue.edition_language(language),
                      next_attempt_at=issue.sent_at) for pk, email, language in recipients],
            batch_size=1000)
        transaction.on_commit(lambda: send_issue.enqueue(issue.pk))
    return len(recipients)


def issue_resume(*, issue: Issue, user) -> int:
    """Start a sender again (after a crash or a stop): rows left mid-message become ``interrupted``;
    every waiting row is sent by the new sender. Returns how many rows are waiting."""
    authorize(user, "newsletter.send_issue", issue)
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.state != Issue.State.SENDING:
            raise ValidationError(_("Only an issue that is being sent can be resumed."), code="not_sending")
        sending.mark_interrupted(issue)
        waiting = Delivery.objects.filter(issue=issue, state=Delivery.State.PENDING).update(
            next_attempt_at=timezone.now())
        save_logged(issue, user=user, action=actions.ISSUE_RESUMED)
        transaction.on_commit(lambda: send_issue.enqueue(issue.pk))
    return waiting


def issue_resend_interrupted(*, issue: Issue, user) -> int:
    """Send again the messages a dead sender was in the middle of; they may have arrived (the editor decides)."""
    authorize(user, "newsletter.send_issue", issue)
    with transaction.atomic():
        count = Delivery.objects.filter(issue=issue, state=Delivery.State.INTERRUPTED).update(
            state=Delivery.State.PENDING, next_attempt_at=timezone.now(), error="")
        if not count:
            raise ValidationError(_("No message of this issue was interrupted."), code="none")
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.state == Issue.State.SENT:
            ISSUE.move(issue, "reopen", user=user)
            issue.finished_at = None
        save_logged(issue, user=user, action=actions.ISSUE_RESENT_INTERRUPTED)
        transaction.on_commit(lambda: send_issue.enqueue(issue.pk))
    return count
