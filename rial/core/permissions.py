"""The one helper every view, API endpoint and export opens with.

The rules themselves (who may do what to which record) live in ``rial/accounts/rules.py`` and in
each app's ``rules.py``, registered with django-rules, so ``user.has_perm(perm, obj)`` answers the
same everywhere: pages, API, admin and exports.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def authorize(user, perm: str, obj=None) -> None:
    """Refuse (403) unless ``user`` holds ``perm`` on ``obj``."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied(perm)


def authorize_unpublished(user, perm: str, obj) -> None:
    """Answer 404 unless ``user`` holds ``perm`` on ``obj``: for a record not published, a refusal would
    tell anyone who guesses its address that it exists; for them it does not."""
    if not user.has_perm(perm, obj):
        raise Http404(perm)
