"""The templates, compiled in a forked process while the build reads and checks the content.

Compiling the templates (Jinja to Python to bytecode) takes about 0.1 s, a sixth of the real
edition's build, and needs nothing of the content: a second core can do it meanwhile. The
helper hands back what Jinja's own bytecode cache stores (edition/render.py loads it with a
``BytecodeCache``), so that a template is run from the very code compiling it here would
have made; one the helper could not compile (a syntax error) is compiled, and its error
reported, in the build itself, as without a helper.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import time
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache


class Recorder(BytecodeCache):
    """A bytecode cache that only records what is compiled: {cache key: bytecode}."""

    def __init__(self, store: dict[str, bytes] | None = None) -> None:
        self.store = store if store is not None else {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # checks the source's checksum: a stale one is ignored

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class Precompiling:
    """A forked process compiling the templates; ``result()`` is {cache key: bytecode}."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd

    @classmethod
    def start(cls, templates: Mapping[str, str], strings: Mapping[str, Any], templates_dir: str) -> Precompiling | None:
        """None where a process cannot be forked: the build compiles as usual."""
        if not hasattr(os, "fork"):
            return None
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return None
        if pid == 0:  # the helper: compile, send, and end without running the build's exit code
            os.close(read)
            status = 1
            try:
                from edition.render import Renderer, _die_with_parent

                _die_with_parent()
                renderer = Renderer(templates, strings, templates_dir)
                recorder = Recorder()
                renderer.env.bytecode_cache = recorder
                # A template that does not compile is compiled again, and reported, by the build.
                with contextlib.suppress(Exception):
                    renderer.compile_all()
                with os.fdopen(write, "wb") as out:
                    out.write(pickle.dumps(recorder.store, protocol=pickle.HIGHEST_PROTOCOL))
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        return cls(pid, read)

    def result(self, timeout: float = 30.0) -> dict[str, bytes]:
        """What the helper compiled ({} if it failed: the build then compiles everything).

        A helper that has not answered within ``timeout`` seconds (it takes a tenth of one)
        is ended: a process forked while another thread held a lock could wait for ever,
        and the build must not wait with it."""
        chunks: list[bytes] = []
        deadline = time.monotonic() + timeout
        fd, self.fd = self.fd, -1  # the pipe's file object owns it from here, and closes it
        with os.fdopen(fd, "rb", buffering=0) as pipe:
            while True:
                ready, _, _ = select.select([pipe], [], [], max(0.0, deadline - time.monotonic()))
                if not ready:
                    self.cancel()
                    return {}
                chunk = pipe.read(1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        data = b"".join(chunks)
        _, status = os.waitpid(self.pid, 0)
        if status != 0 or not data:
            return {}
        try:
            store = pickle.loads(data)  # noqa: S301 - written by our own forked child
        except (pickle.UnpicklingError, EOFError):
            return {}
        return store if isinstance(store, dict) else {}

    def cancel(self) -> None:
        """The build failed before it needed the templates: end the helper."""
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)


class _Awaited(Recorder):
    """The helper's bytecode, waited for when the first template is loaded, not before:
    the build plans its pages meanwhile."""

    def __init__(self, helper: Precompiling) -> None:
        super().__init__()
        self.helper: Precompiling | None = helper

    def load_bytecode(self, bucket: Bucket) -> None:
        if self.helper is not None:
            helper, self.helper = self.helper, None
            self.store.update(helper.result())
        super().load_bytecode(bucket)

    def close(self) -> None:
        """The build is over: a helper never waited for (no page needed rendering, or the
        build failed first) is ended, not left behind."""
        if self.helper is not None:
            helper, self.helper = self.helper, None
            helper.cancel()


def use(env: jinja2.Environment, helper: Precompiling) -> Callable[[], None]:
    """Load the templates compiled by ``helper`` (compiling, as usual, any it did not);
    returns what the build calls when it is over."""
    awaited = _Awaited(helper)
    env.bytecode_cache = awaited
    return awaited.close
