"""The one helper every view, API endpoint and export opens with.

The rules themselves (who may do what to which record) live in ``rial/accounts/rules.py`` and in
each app's ``rules.py``, registered with django-rules, so ``user.has_perm(perm, obj)`` answers the
same everywhere: pages, API, admin and exports.
"""

from django.core.exceptions import PermissionDenied


def authorize(user, perm: str, obj=None) -> None:
    """Refuse (403) unless ``user`` holds ``perm`` on ``obj``."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied(perm)
