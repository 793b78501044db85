from rial.notifications.models import Notification


def unread(request) -> dict:
    """The signed-in person's unread notifications for the header: one indexed count, and only on pages
    that show it (the value is computed when a template first reads it)."""
    user = getattr(request, "user", None)
    cache: dict = {}

    def count() -> int:
        if "count" not in cache:
            authenticated = user is not None and user.is_authenticated
            cache["count"] = Notification.objects.for_user(user).unread().count() if authenticated else 0
        return cache["count"]

    return {"unread_notifications": count}
