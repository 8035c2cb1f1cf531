"""How the rule and reference classes are declared: frozen stdlib dataclasses that pydantic validates.

Starting from a warm cache must not import pydantic (its import alone costs more than the whole
evaluation), so the classes the cache holds are plain dataclasses. Their annotations carry the
rules of validation as markers pydantic reads only when a rule file is validated (`validate`);
importing this module imports no pydantic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

T = TypeVar("T")

# Every validated class: unknown keys are errors; FactRef and conditions are our own classes.
CONFIG = {"extra": "forbid", "arbitrary_types_allowed": True}

frozen = dataclass(frozen=True, kw_only=True)  # keyword-only: a field with a default may precede one without


class Before:
    """Annotated marker: run `func` on the raw value before pydantic checks its type."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.func, handler(source))


class Constrained:
    """Annotated marker: pydantic.Field(**kwargs) (pattern, min_length, discriminator), applied lazily."""

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Field

        return handler.generate_schema(Annotated[source, Field(**self.kwargs)])


_adapters: dict[Any, Any] = {}


def validate(cls: type[T], data: Any) -> T:
    """`data` (parsed TOML) as an instance of `cls`; raises pydantic.ValidationError."""
    adapter = _adapters.get(cls)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _adapters[cls] = TypeAdapter(cls)
    return adapter.validate_python(data)
