import os

from rial.accounts.roles import ROLE_LABELS, roles_for


def roles(request) -> dict:
    """The current user's roles for templates (lazily: pages that never ask run no query)."""
    user = getattr(request, "user", None)

    def labels() -> list[str]:
        return [ROLE_LABELS[name] for name in roles_for(user).names]

    return {
        "user_roles": lambda: roles_for(user),
        "user_role_labels": labels,
        "demo_site": os.environ.get("RIAL_DEMO") == "1",
    }
