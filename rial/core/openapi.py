"""The OpenAPI document tells the whole truth: every error answer an operation can give, real time formats.

django-ninja documents the answers a view declares; the error handlers (rial/core/api_errors.py) answer
401, 403, 404, 422 and 500 for every operation, so the document names them on each operation they can
come from, with the one error body they share. Times of day are returned as local "09:00:00" without an
offset, which is not the RFC 3339 "time" format that the schema generator declares for them.

Every schema in the document has one name: django-ninja files the schemas of all operations under their
class names, so two models' nested ``Kind`` choices used to overwrite each other and the document declared
the fund's entry kinds for the countries' ``kind`` filter. ``choices()`` names a model's choices after the
model, and building the document refuses two different schemas under one name.
"""

from typing import Annotated

from django.core.exceptions import ImproperlyConfigured
from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema
from pydantic import WithJsonSchema

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {
            "title": "Detail",
            "description": "What went wrong, in the language of the Accept-Language header; for a malformed "
                           "request, the list of the fields at fault.",
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "object"}}],
        },
        "errors": {
            "title": "Errors",
            "description": "For data that was refused: the messages per field (`__all__`: the whole record).",
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail"],
}

LOCAL_TIME = {
    "type": "string",
    "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$",
    "description": "Local time of day, HH:MM:SS, without offset: the record's own time zone applies.",
    "example": "09:00:00",
}

ERROR_ANSWERS = {
    "400": "The request's body could not be read (not JSON); nothing was changed.",
    "401": "No valid API token was sent.",
    "403": "The token's owner may not do this.",
    "404": "Nothing was found at this address.",
    "422": "The request's data is not valid (or a number is out of range); nothing was changed.",
    "500": "A fault on the server; it has been logged.",
}


def _replace_time_format(node):
    if isinstance(node, dict):
        if node.get("format") == "time":
            node.pop("format")
            for key, value in LOCAL_TIME.items():
                node.setdefault(key, value)
        for value in node.values():
            _replace_time_format(value)
    elif isinstance(node, list):
        for value in node:
            _replace_time_format(value)


def complete(schema: dict) -> dict:
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            codes = ["422", "500"]
            if "{" in path:
                codes.append("404")
            if operation.get("security"):
                codes += ["401", "403", "404"]
            if "requestBody" in operation:
                codes.append("400")
            responses = operation.setdefault("responses", {})
            for code in sorted(set(codes)):
                responses.setdefault(code, {"description": ERROR_ANSWERS[code], "content": reference})
    _replace_time_format(schema)
    return schema


def choices(enum):
    """A model's choices (``Country.Kind``) as an API type, documented inline as ``CountryKind``."""
    name = enum.__qualname__.replace(".", "")
    return Annotated[enum, WithJsonSchema({"title": name, "type": "string", "enum": [str(v) for v in enum.values]})]


class _OneNamePerSchema(OpenAPISchema):
    def add_schema_definitions(self, definitions: dict) -> None:
        for name, definition in definitions.items():
            if self.schemas.get(name, definition) != definition:
                raise ImproperlyConfigured(
                    f"Two different API schemas are both named {name!r}; the document would declare one for "
                    f"the other (for a model's choices use rial.core.openapi.choices).")
        super().add_schema_definitions(definitions)


class RialNinjaAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return complete(_OneNamePerSchema(self, path_prefix))
