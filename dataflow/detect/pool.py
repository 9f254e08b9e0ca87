"""The worker processes of the full scan: forked workers that tally columns, fed through
pipes within a byte budget, stopped with the parent and on SIGTERM/SIGINT.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from dataflow import gcwork
from dataflow.errors import DataflowError


class FullScanError(DataflowError):
    """A worker of the full scan failed (the message names the error type, never a value)."""


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGINT arrived during a full scan; the workers are stopped."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _die_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux), then check the parent
    did not die before that was set; elsewhere the pipe's end-of-file stops the worker."""
    import signal
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGINT raise ``Interrupted`` (main thread only: elsewhere
    signal handlers cannot be set and the default actions stay)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# ``work`` below is a ``detect.full.ColumnWork``; typed as Any because detect.full imports this
# module.
def worker_loop(conn: Any, work: Any, parent_pid: int, inherited: Sequence[Any] = ()) -> None:
    """Take pickled (sequence, pointer, values) tasks; answer each with the part's tally.

    A thread takes tasks off the pipe as they come, so the parent's sends return at once
    and it can read the next batch while this process works through the queued ones.
    ``inherited``: the parent's pipe ends this process got by fork, closed at once.
    """
    import queue
    import signal
    import threading

    for end in inherited:
        with contextlib.suppress(OSError):
            end.close()
    for sig in (signal.SIGTERM, signal.SIGINT):  # not the parent's handlers: just stop
        signal.signal(sig, signal.SIG_DFL)
    _die_with_parent(parent_pid)

    # What the worker inherited stays put: no collector passes over it, fewer copied pages.
    # Matching allocates many small containers, so collect the young generation less often.
    gcwork.settle_worker()
    inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def receive() -> None:
        try:
            while True:
                payload = conn.recv_bytes()
                inbox.put(payload)
                if payload == _STOP:
                    return
        except (EOFError, OSError):
            # The parent is gone (it always says stop first): drop the queued work.
            os._exit(1)

    threading.Thread(target=receive, daemon=True).start()
    try:
        while True:
            payload = inbox.get()
            if payload is None or payload == _STOP:
                return
            seq, pointer, values = unpack_task(payload)
            del payload
            work.tallies.clear()
            work.add(pointer, values)
            conn.send(("ok", seq, pointer, work.tallies[pointer]))
    except BaseException as exc:  # report the type only: the text may quote data
        with contextlib.suppress(OSError):
            conn.send(("error", type(exc).__name__))
    finally:
        conn.close()


_STOP = b"stop"  # not a pickle: tells a worker to finish


def pack_task(seq: int, pointer: str, values: Sequence[str | None]) -> bytes:
    """A task for a worker, pickled: (seq, pointer, values), ``unpack_task`` reverses it.

    Text values without line breaks travel as one newline-joined text (with the positions of
    the nulls): a pickled list pickles and remembers every string on its own, which took the
    parent about as long as reading the file.
    """
    import pickle

    if values:
        nulls = [i for i, v in enumerate(values) if v is None] if None in values else []
        texts = [("" if v is None else v) for v in values] if nulls else values
        try:
            joined = "\n".join(texts)  # type: ignore[arg-type]
        except TypeError:  # a value that is not text
            joined = None
        if joined is not None and joined.count("\n") == len(values) - 1:
            task: tuple[Any, ...] = (seq, pointer, joined, nulls)
            return pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL)
    return pickle.dumps((seq, pointer, list(values)), protocol=pickle.HIGHEST_PROTOCOL)


def unpack_task(payload: bytes) -> tuple[int, str, list[str | None]]:
    """(seq, pointer, values) of a task ``pack_task`` made."""
    import pickle

    task = pickle.loads(payload)
    if len(task) == 3:
        seq, pointer, values = task
        return seq, pointer, values
    seq, pointer, joined, nulls = task
    out: list[str | None] = joined.split("\n")
    for i in nulls:
        out[i] = None
    return seq, pointer, out


class WorkerPool:
    """Worker processes that take one column of one batch at a time, the least loaded next.

    Each task's tally comes back to the parent, which merges the parts of a column in batch
    order, so the result does not depend on which worker took which task. A worker has at
    most ``IN_FLIGHT_BYTES`` of pickled tasks (or ``IN_FLIGHT`` tasks) waiting, and always
    at least one: the reader runs ahead of the workers by a bounded amount, enough to keep
    them busy while it reads the next batch.
    """

    IN_FLIGHT = 64
    IN_FLIGHT_BYTES = 8 * 1024 * 1024

    def __init__(self, work: Any, tally_factory: Callable[[str], Any], processes: int) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        # Everything built so far (the modules, the matcher) is set apart from the collector
        # in the parent until the pool closes: a collection writes to every object it walks,
        # which would copy the pages the workers share with the parent into both processes.
        gc.freeze()
        self.conns: list[Any] = []
        self.procs: list[Any] = []
        for _ in range(processes):
            parent, child = ctx.Pipe()
            inherited = [*self.conns, parent]
            proc = ctx.Process(target=worker_loop, args=(child, work, os.getpid(), inherited))
            proc.daemon = True
            proc.start()
            child.close()
            self.conns.append(parent)
            self.procs.append(proc)
        self.factory = tally_factory
        # Pickled sizes of the tasks each worker has not answered yet, oldest first.
        self.sizes: list[collections.deque[int]] = [collections.deque() for _ in range(processes)]
        self.submitted: dict[str, int] = {}  # next sequence number per column
        self.merged: dict[str, int] = {}  # next sequence number to merge per column
        self.waiting: dict[str, dict[int, Any]] = {}
        self.tallies: dict[str, Any] = {}

    @property
    def busy(self) -> list[int]:
        """Tasks each worker has not answered yet."""
        return [len(sizes) for sizes in self.sizes]

    @property
    def queued(self) -> list[int]:
        """Bytes of the tasks each worker has not answered yet."""
        return [sum(sizes) for sizes in self.sizes]

    def submit(self, pointer: str, values: Sequence[str | None]) -> None:
        seq = self.submitted.get(pointer, 0)
        self.submitted[pointer] = seq + 1
        payload = pack_task(seq, pointer, values)
        size = len(payload)
        while not (
            room := [i for i, sizes in enumerate(self.sizes) if self._has_room(sizes, size)]
        ):
            self._receive()
        worker = min(room, key=lambda i: (sum(self.sizes[i]), i))
        try:
            self.conns[worker].send_bytes(payload)
        except OSError:  # the worker is gone: report why, if it said
            raise FullScanError(f"full scan worker failed: {self._reason(worker)}") from None
        self.sizes[worker].append(size)

    def _has_room(self, sizes: collections.deque[int], size: int) -> bool:
        """Whether a worker with unanswered tasks of ``sizes`` may take one of ``size``."""
        if not sizes:
            return True
        return len(sizes) < self.IN_FLIGHT and sum(sizes) + size <= self.IN_FLIGHT_BYTES

    def _receive(self) -> None:
        from multiprocessing.connection import wait

        pending = [c for c, n in zip(self.conns, self.busy, strict=True) if n]
        for ready in wait(pending):
            index = self.conns.index(ready)
            conn = self.conns[index]
            try:
                message = conn.recv()
            except (EOFError, OSError):
                raise FullScanError("full scan worker failed: worker exited") from None
            if message[0] != "ok":
                raise FullScanError(f"full scan worker failed: {message[1]}")
            _, seq, pointer, part = message
            self.sizes[index].popleft()  # a worker answers its tasks in order
            self._merge(pointer, seq, part)

    def _merge(self, pointer: str, seq: int, part: Any) -> None:
        waiting = self.waiting.setdefault(pointer, {})
        waiting[seq] = part
        nxt = self.merged.get(pointer, 0)
        while nxt in waiting:
            piece = waiting.pop(nxt)
            tally = self.tallies.get(pointer)
            if tally is None:
                tally = self.tallies[pointer] = self.factory(pointer)
            tally.merge(piece)
            nxt += 1
        self.merged[pointer] = nxt

    def _reason(self, index: int) -> str:
        conn = self.conns[index]
        try:
            if conn.poll(1):
                message = conn.recv()
                if message[0] == "error":
                    return str(message[1])
        except (OSError, EOFError, ValueError):
            pass
        return "worker exited"

    def finish(self) -> dict[str, Any]:
        while any(self.busy):
            self._receive()
        self.close()
        return self.tallies

    def abort(self) -> None:
        """Stop the workers now, whatever they are doing (an error or a signal)."""
        gc.unfreeze()
        for proc in self.procs:
            with contextlib.suppress(OSError, ValueError):
                proc.kill()
        for conn in self.conns:
            conn.close()
        for proc in self.procs:
            proc.join()

    def close(self) -> None:
        gc.unfreeze()
        for conn in self.conns:
            with contextlib.suppress(OSError):
                conn.send_bytes(_STOP)
            conn.close()
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
