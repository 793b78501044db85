"""A per-account brake on password guessing that slows down but never locks out.

Lockout (django-axes) is per account *and* client address: someone guessing from one address locks only
themselves. Someone guessing from many addresses is slowed instead: once an account has had
RIAL_LOGIN_ACCOUNT_LIMIT failures from any address within the cool-off time, every further login attempt
for it waits, doubling up to RIAL_LOGIN_SLOWDOWN_MAX_SECONDS. A lockout of the account itself would let
anyone deny the Secretariat its access with a few anonymous requests; a wait of seconds does not, and it
makes guessing from a botnet slow. The count lives in the shared cache (Redis with several servers).
"""

import hashlib

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver

FIRST_DELAY_SECONDS = 0.25


def _key(username: str) -> str:
    return "login-failures:" + hashlib.sha256(username.strip().lower().encode()).hexdigest()


def _window_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME * 3600)


def failures(username: str) -> int:
    return cache.get(_key(username), 0)


def delay_for(username: str) -> float:
    """How long an attempt to log in as ``username`` waits before the password is checked."""
    over = failures(username) - settings.RIAL_LOGIN_ACCOUNT_LIMIT
    if not username or over < 0:
        return 0.0
    return min(settings.RIAL_LOGIN_SLOWDOWN_MAX_SECONDS, FIRST_DELAY_SECONDS * 2 ** min(over, 16))


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username") or ""
    if not username:
        return
    key = _key(username)
    cache.add(key, 0, timeout=_window_seconds())
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=_window_seconds())
