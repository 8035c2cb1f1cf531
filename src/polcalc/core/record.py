"""How the rule and reference classes are declared: frozen stdlib dataclasses that pydantic validates.

Starting from a warm cache must not import pydantic (its import alone costs more than the whole
evaluation), so the classes the cache holds are plain dataclasses. Their annotations carry the
rules of validation as markers pydantic reads only when a rule file is validated (`validate`);
importing this module imports no pydantic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:  # type checkers read `frozen` as dataclass(frozen=True); at run time it costs nothing
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Callable[[T], T]:
        return lambda decorated: decorated


# Every validated class: unknown keys are errors; FactRef and conditions are our own classes.
CONFIG = {"extra": "forbid", "arbitrary_types_allowed": True}


class Record:
    """Base of our value classes: immutable, equal and hashed by their fields (as dataclass(frozen=True)).

    dataclass(frozen=True) would generate (exec) six methods per class, a third of the start-up
    of `check`; these generic ones serve every class instead, and `frozen` only collects fields.
    """

    __slots__ = ()

    def __init__(self, *args: Any, **values: Any) -> None:
        init = _layout(type(self)).init
        if len(args) > len(init):
            raise TypeError(f"{type(self).__name__}: {len(args)} positional values for {len(init)} fields")
        for f, value in zip(init, args, strict=False):  # fewer values than fields: the rest by name
            if f.name in values:
                raise TypeError(f"{type(self).__name__}: {f.name!r} given twice")
            values[f.name] = value
        for f in init:
            if f.name in values:
                value = values.pop(f.name)
            elif f.default is not MISSING:
                value = f.default
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            else:
                raise TypeError(f"{type(self).__name__}: missing {f.name!r}")
            object.__setattr__(self, f.name, value)
        if values:
            raise TypeError(f"{type(self).__name__}: unexpected {', '.join(map(repr, values))}")
        if hasattr(self, "__post_init__"):
            self.__post_init__()

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _key(self) -> tuple[Any, ...]:
        return _layout(type(self)).key(self)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        items = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in _layout(type(self)).shown)
        return f"{type(self).__qualname__}({items})"


class _Layout:
    """What Record's methods need of a class's fields, worked out once per class."""

    def __init__(self, cls: type) -> None:
        every = fields(cls)
        self.init = tuple(f for f in every if f.init)
        self.shown = tuple(f for f in every if f.repr)
        compared = [f.name for f in every if f.compare]
        get = attrgetter(*compared) if compared else (lambda obj: ())
        self.key: Callable[[Any], Any] = get if len(compared) != 1 else (lambda obj: (get(obj),))


_LAYOUTS: dict[type, _Layout] = {}


def _layout(cls: type) -> _Layout:
    found = _LAYOUTS.get(cls)
    if found is None:
        found = _LAYOUTS[cls] = _Layout(cls)
    return found


@dataclass_transform(frozen_default=True, eq_default=True)
def frozen(cls: type[T]) -> type[T]:
    """A Record subclass as a dataclass (for pydantic, fields(), replace()), its methods Record's."""
    if not issubclass(cls, Record):
        raise TypeError(f"{cls.__name__} must derive from Record")
    return dataclass(init=False, repr=False, eq=False)(cls)


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


def forget_validators() -> None:
    """Drop the validators built so far: a class's schema changed (an award kind registered)."""
    _adapters.clear()


def key_path(loc: tuple[Any, ...], data: Any) -> str:
    """A pydantic error location as a TOML key path; a measure is named by its id.

    Union members add their tag to the location; an item that is not a key of the data
    (and is not the last, which may name a missing or unknown key) is such a tag: skipped.
    """
    parts: list[str] = []
    node = data
    for pos, item in enumerate(loc):
        last = pos == len(loc) - 1
        if isinstance(item, int) and isinstance(node, list) and item < len(node):
            ident = node[item].get("id") if isinstance(node[item], dict) else None
            label = f"[{item}]" + (f"({ident})" if ident else "")
            parts[-1:] = [(parts[-1] if parts else "") + label]
            node = node[item]
        elif isinstance(node, dict) and str(item) in node:
            parts.append(str(item))
            node = node[str(item)]
        elif last:
            parts.append(str(item))
    return ".".join(parts) or "(top level)"
