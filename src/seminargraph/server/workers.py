"""A pool of query worker processes, killed at the time limit or replaced when they die.

The server never runs a query in its own process: a query that cannot be interrupted, or one that
crashes the engine, costs one worker, which is replaced in the background while the others answer.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

import anyio.to_thread
from anyio import CapacityLimiter

from ..errors import Busy, SeminargraphError, StoreError
from .config import ServerConfig
from .jobs import Failure, worker_main

log = logging.getLogger("seminargraph.server")

#: Seconds a new worker may take to open the store (a memory store loads its files).
STARTUP_SECONDS = 600.0


class PoolError(SeminargraphError):
    """A job whose worker crashed or failed before it gave an answer (Busy when none came in time)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class JobFailed(SeminargraphError):
    """A job that raised one of seminargraph's errors: ``failure`` says which, with its HTTP status."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure
        self.status = failure.status


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    connection: Connection
    ready: bool = False


class Pool:
    """Worker processes that each hold the graph; ``run`` gives a job to a free one."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        # A writer must be the only process with the store open: a read-only open of a database
        # that another process writes is undefined behaviour in Oxigraph.
        self.size = 1 if config.writable else config.workers
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._guard = threading.Lock()
        self._closed = False
        self._threads = CapacityLimiter(64)

    def start(self) -> None:
        """Start the workers and wait until each has opened the store; StoreError says why not."""
        started = [self._spawn() for _ in range(self.size)]
        try:
            for worker in started:
                self._wait_ready(worker)
        except BaseException:
            self.close()
            raise
        for worker in started:
            self._idle.put(worker)

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=worker_main, args=(child, self.config), name="seminargraph-worker", daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._guard:
            self._workers.add(worker)
        return worker

    def _wait_ready(self, worker: _Worker) -> None:
        try:
            if not worker.connection.poll(STARTUP_SECONDS):
                raise StoreError(f"the query worker did not open the store within {STARTUP_SECONDS:g} s")
            status, message = worker.connection.recv()
        except (EOFError, OSError):
            self._stop(worker)
            raise StoreError("the query worker stopped while opening the store") from None
        except StoreError:
            self._stop(worker)
            raise
        if status != "ready":
            self._stop(worker)
            raise StoreError(str(message))
        worker.ready = True

    def run(self, name: str, arguments: dict[str, Any]) -> Any:
        """Run one job and return its answer (blocking); Busy, PoolError or JobFailed when there is none."""
        limit = self.config.time_limit
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise Busy(f"the server is busy: no query worker came free within {limit:g} s") from None
        try:
            worker.connection.send((name, arguments))
            if not worker.connection.poll(limit):
                self._replace(worker)
                raise Busy(f"the query ran longer than the time limit of {limit:g} s and was stopped")
            status, payload = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            signalled = (worker.process.exitcode or 0) < 0
            self._replace(worker)
            if signalled:
                raise PoolError(
                    500, "the query engine crashed on this request (it was restarted); simplify the query"
                ) from None
            raise PoolError(
                500, "the query worker failed (it was restarted); the server's log says why"
            ) from None
        self._idle.put(worker)
        if status == "error":
            raise JobFailed(payload)
        return payload

    async def call(self, job: str, /, **arguments: Any) -> Any:
        """Run one job from async code, in a thread, so that waiting blocks no other request."""
        return await anyio.to_thread.run_sync(self.run, job, arguments, limiter=self._threads)

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker)
        if not self._closed:
            threading.Thread(target=self._restart, name="seminargraph-restart", daemon=True).start()

    def _restart(self) -> None:
        try:
            worker = self._spawn()
            self._wait_ready(worker)
        except StoreError as exc:
            if not self._closed:  # a pool that is closing stops the worker it was starting
                log.error("a query worker could not be restarted: %s", exc)
            return
        if self._closed:
            self._stop(worker)
        else:
            self._idle.put(worker)

    def _stop(self, worker: _Worker) -> None:
        # close() and a restart that is waiting for the same worker can both stop it: only the
        # first may close its connection (a second close would hit a file descriptor that may
        # already be reused, such as the store's lock).
        with self._guard:
            if worker not in self._workers:
                return
            self._workers.discard(worker)
        worker.process.kill()
        worker.process.join(10)
        worker.connection.close()

    def ready(self) -> int:
        """How many workers are ready for a job or working on one (not those still starting)."""
        with self._guard:
            return sum(1 for w in self._workers if w.ready and w.process.is_alive())

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._guard:
            workers = list(self._workers)
        for worker in workers:
            self._stop(worker)
