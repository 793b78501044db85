"""Every page view of the platform says what it takes and gives (``request: HttpRequest``, a response), and
every API operation types its request (its answer is typed by the schema its router declares)."""

import inspect
import typing

from django.http import HttpRequest, HttpResponseBase
from django.urls import URLPattern, URLResolver, get_resolver


def _views(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            yield pattern.callback


def _function_views():
    seen = set()
    for callback in _views(get_resolver().url_patterns):
        function = inspect.unwrap(callback)
        if (getattr(callback, "view_class", None) or not inspect.isfunction(function)
                or not function.__module__.startswith("rial.") or function in seen):
            continue  # class-based views (Django's own) and the API's router (typed by its schemas)
        seen.add(function)
        yield function


def test_every_function_view_types_its_request_and_response():
    untyped = []
    views = list(_function_views())
    for function in views:
        hints = typing.get_type_hints(function)
        first = next(iter(inspect.signature(function).parameters))
        returned = hints.get("return")
        if hints.get(first) is not HttpRequest or not (
                isinstance(returned, type) and issubclass(returned, HttpResponseBase)):
            untyped.append(f"{function.__module__}.{function.__qualname__}")
    assert len(views) > 100
    assert untyped == []


def test_every_api_operation_types_its_request():
    from rial.api import api

    operations = [inspect.unwrap(operation.view_func) for _prefix, router in api._routers
                  for path_view in router.path_operations.values() for operation in path_view.operations]
    untyped = [f"{function.__module__}.{function.__qualname__}" for function in operations
               if typing.get_type_hints(function).get(next(iter(inspect.signature(function).parameters)))
               is not HttpRequest]
    assert len(operations) > 40
    assert untyped == []
