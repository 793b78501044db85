"""Log records as JSON lines on standard output, for the service manager's journal or a log collector.

One line per record with its time (UTC, ISO 8601), level, logger and message; a request's method, path
and status when the record is about a request; the traceback as one string. A line never depends on the
message's own text, so a collector can parse every line.
"""

import datetime
import json
import logging


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = request.method
            entry["path"] = request.path
            user = getattr(request, "user", None)
            if user is not None and getattr(user, "is_authenticated", False):
                entry["user_id"] = user.pk
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
