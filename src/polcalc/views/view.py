"""The base of typed views: a view's JSON is its fields, in the order they are declared.

So the contract's key order (shared/CONTRACT.md) is decided by the class, in one place; dates
are written as ISO text, tuples as lists, nested views as their own JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import Field, fields
from typing import Any, ClassVar


def json_value(value: object) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [json_value(v) for v in value]
    if isinstance(value, View):
        return value.as_json()
    return value


class View:
    """A view's JSON: its fields in declared order, each under its name or its metadata's "json"."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]  # each subclass is a dataclass

    def as_json(self) -> dict[str, Any]:
        return {f.metadata.get("json", f.name): json_value(getattr(self, f.name)) for f in fields(self)}
