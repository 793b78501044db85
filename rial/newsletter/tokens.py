"""The two signed links a subscriber receives: confirm a subscription, and leave the list in one click.

Confirmation links expire (``RIAL_NEWSLETTER_CONFIRM_DAYS``) and carry the subscriber's current nonce, so a
link works once and only while it is the latest one. Unsubscribe links never expire (an old issue's link
must still work) and are an HMAC of the subscriber's id and address: a link made for one subscriber does
nothing for another.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

CONFIRM_SALT = "rial.newsletter.confirm"
UNSUBSCRIBE_SALT = "rial.newsletter.unsubscribe"


def new_nonce() -> str:
    return secrets.token_hex(16)


def confirmation_token(*, subscriber_id: int, nonce: str) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object({"s": subscriber_id, "n": nonce})


@dataclass(frozen=True)
class ConfirmationClaim:
    subscriber_id: int
    nonce: str


class ExpiredLink(Exception):
    pass


class InvalidLink(Exception):
    pass


def read_confirmation(token: str) -> ConfirmationClaim:
    """The claim in ``token``; ExpiredLink when it is too old, InvalidLink when it was not made by us."""
    max_age = settings.RIAL_NEWSLETTER_CONFIRM_DAYS * 24 * 60 * 60
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except (signing.BadSignature, ValueError) as error:
        raise InvalidLink from error
    if not isinstance(value, dict) or not isinstance(value.get("s"), int) or not isinstance(value.get("n"), str):
        raise InvalidLink
    return ConfirmationClaim(subscriber_id=value["s"], nonce=value["n"])


def unsubscribe_token(*, subscriber_id: int, email: str) -> str:
    return salted_hmac(UNSUBSCRIBE_SALT, f"{subscriber_id}:{email.lower()}", algorithm="sha256").hexdigest()[:40]


def unsubscribe_token_matches(*, subscriber_id: int, email: str, token: str) -> bool:
    return constant_time_compare(unsubscribe_token(subscriber_id=subscriber_id, email=email), token)
