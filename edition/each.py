"""How a stage's independent pieces of work are done: one after another (``in_order``), or, in
a build, spread over the machine's cores. A stage takes the way as an argument, ``each``; the
pipeline passes the fork pool of edition/parallel.py, which no stage imports (the speed code
stays in its two modules). The results come back in order either way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Each(Protocol):
    def __call__(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]: ...


def in_order(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [fn(item) for item in items]
