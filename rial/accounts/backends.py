"""Django's password and model-permission backend, with the permissions a person holds kept between requests.

The platform's permissions are rules (rial/*/rules.py) over roles from the directory; Django's own permissions
(groups, a user's permissions, superusers) still apply through this backend, which is asked whenever a rule says
no. Django reads them with two joined queries once per request; they change only with a write to the user, the
groups or the permissions (tables whose writes replace the generation token), so they are read once and kept
until the next committed write (core.derived), like the roles. The same holds for the signed-in person a session
names, which every signed-in request loads: kept too, so a password changed, an account deactivated or any other
write to it applies from the next request. (Signing in records its time without replacing the token: a kept
user's ``last_login`` may be older than the database's, and the platform saves users with ``update_fields``.)
"""

from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from rial.core import derived


class ModelBackend(DjangoModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = derived.cached(
                "model-permissions", lambda: BaseBackend.get_all_permissions(self, user_obj), user_obj.pk)
        return user_obj._perm_cache

    def get_user(self, user_id):
        return derived.cached("session-user", lambda: super(ModelBackend, self).get_user(user_id), user_id)
