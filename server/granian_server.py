"""granian's main process with our listening sockets and our reload (server/reload.py).

granian's own reload replaces one worker at a time and stops each old one a fixed 3.5 s after
starting its successor, ready or not; a stopped worker closes at once its idle kept-alive
connections and those that have not sent a full request yet, and a request sent on one at
that moment fails. Every worker listens on a socket of its own on the port (SO_REUSEPORT),
and new connections are spread over the workers' sockets (server/reuseport.py). This reload
gives the new workers new sockets, waits until they answer, then steers every new connection
to them (a BPF program: SO_ATTACH_REUSEPORT_CBPF), lets the old workers drain (`Connection:
close` on their last answers) and only then stops them and closes their sockets.
"""

import os
import signal
import socket
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from granian import Granian
from granian._granian import SocketHolder
from granian.log import logger
from granian.server.mp import MPServer, WorkerProcess

from diplokg.graph.query.engine import prepare_dataset

from .affinity import WORKER_ENV
from .reload import DRAIN_SECONDS, STALE_ENV, Generations
from .reuseport import close_keeping, spread
from .wsgi import rebind

# Our sockets are handed to granian's process-based server, the one it uses where the GIL is on.
if Granian is not MPServer:
    raise ImportError("diplokg serves with granian's process-based server (a GIL build)")

# What granian hands to the methods below: its worker's entry point and the app's loader.
Target = Callable[..., Any]


class DrainingGranian(MPServer):  # Granian itself, as checked above
    """granian serving on sockets we opened, reloading without dropping a request."""

    def __init__(
        self,
        *args: Any,
        listener: socket.socket,
        generations: Generations,
        pin: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.listener = listener
        self.pin = pin  # each worker on one CPU, by its index (server/affinity.py)
        self.generations = generations
        self.replaced: dict[int, float] = {}  # when each worker was last replaced
        # A listening socket per worker, all on the port (server/reuseport.py): new
        # connections spread over the workers at random, not all to the one awake.
        self.sockets = self._sockets(listener)
        self.group = list(self.sockets)  # the port's sockets in the group's order

    def _sockets(self, first: socket.socket) -> list[socket.socket]:
        """Return a listening socket per worker (first among them) that new connections spread
        over; they follow those already in the port's group."""
        more = [rebind(first.family, first.getsockname()) for _ in range(self.workers - 1)]
        return [first, *more]

    def _spawn_workers(self, spawn_target: Target, target_loader: Target) -> None:
        spread(self.sockets[0], 0, len(self.sockets))
        for idx in range(self.workers):
            self._use(self.sockets[idx])
            self.wrks.append(self._start(idx, spawn_target, target_loader))
        self._metrics.incr_spawn(self.workers)

    def _start(self, idx: int, spawn_target: Target, target_loader: Target) -> WorkerProcess:
        """Start a worker, and granian's thread that watches it with signals blocked.

        The main process's Python signal handlers run in its main thread, which waits on an
        event; a signal that the kernel gives to another thread leaves it asleep, and a
        SIGHUP was then never acted on. So no other thread takes these signals.
        """
        if self.pin:  # read by the worker's app factory (wsgi.started_app)
            os.environ[WORKER_ENV] = str(idx)
        worker = self._spawn_worker(idx=idx, target=spawn_target, callback_loader=target_loader)
        worker.inner.start()  # the worker process itself keeps the signals open
        logger.info(f"Spawning worker-{idx + 1} with pid: {worker._id()}")
        mask = {signal.SIGHUP, signal.SIGINT, signal.SIGTERM}
        before = signal.pthread_sigmask(signal.SIG_BLOCK, mask)
        try:
            worker._watch()  # a new thread inherits the mask
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)
        return worker

    def _respawn_workers(
        self, workers: list[int], spawn_target: Target, target_loader: Target, delay: float = 0
    ) -> None:
        """Replace workers that died (the only use granian makes of it here), as gunicorn does.

        granian would shut the whole server down when a worker dies (respawn_failed_workers is
        off by default), or when one dies again within 5.5 s of its replacement ("crash
        loop"): a request that kills a worker would stop the service. Here a dead worker is
        always replaced, at most once a second per worker, so one that cannot start does not
        spin.
        """
        for idx in workers:
            if idx >= len(self.wrks) or self.wrks[idx].is_alive():
                continue  # replaced by a reload meanwhile
            wait = self.replaced.get(idx, 0) + 1 - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.replaced[idx] = time.monotonic()
            dead = self.wrks[idx]
            dead.join(1)
            logger.warning(f"worker-{idx + 1} died (exit code {dead.inner.exitcode}): replacing it")
            self._use(self.sockets[idx])  # the connections waiting on its socket are its
            self.wrks[idx] = self._start(idx, spawn_target, target_loader)
        # granian's crash-loop rule reads this: it would stop the server; we never let it.
        self.respawned_wrks.clear()
        self._metrics.incr_spawn(len(workers))

    def _init_shared_socket(self) -> None:
        # As granian does where it cannot give each worker its own socket: one socket,
        # inherited by every worker.
        self._use(self.listener)

    def _use(self, listener: socket.socket) -> None:
        """Hand this socket to the workers started from now on."""
        self.listener = listener
        self._ssp = None
        # granian's stub gives SocketHolder no constructor, and granian types these as None.
        self._shd = SocketHolder(listener.fileno(), False, self.backlog)  # type: ignore[call-arg,assignment]
        self._sfd = listener.fileno()  # type: ignore[assignment]
        self._sso = listener

    def _reload(self, spawn_target: Target, target_loader: Target) -> None:
        logger.info("HUP signal received: starting workers for the current release")
        self.reload_signal = False
        self.respawned_wrks.clear()
        self.main_loop_interrupt.clear()
        self._env_loader(self.env_files)
        self._call_hooks(self.hooks_reload)  # type: ignore[no-untyped-call]  # granian's, unannotated
        try:
            prepare_dataset(Path(os.environ["DIPLOKG_DATA"]))  # the new release's store
        except Exception:
            logger.exception("the current release cannot be served; the old workers go on")
            return
        old, old_sockets = list(self.wrks), self.sockets
        # New connections keep going to the old sockets while the new workers start.
        spread(old_sockets[0], 0, len(old_sockets))
        self.sockets = self._sockets(rebind(self.listener.family, self.listener.getsockname()))
        # The new workers are forks: they would hold the old sockets open, and the kernel would
        # go on giving them connections that nobody takes. They close them first.
        os.environ[STALE_ENV] = ",".join(str(sock.fileno()) for sock in old_sockets)
        self.generations.begin()
        new = []
        for idx in range(self.workers):
            self._use(self.sockets[idx])
            new.append(self._start(idx, spawn_target, target_loader))
        if not self.generations.wait(len(new), lambda: all(w.is_alive() for w in new)):
            logger.error("the new workers did not start; the old ones go on answering")
            self._stop(new)
            for sock in reversed(self.sockets):  # each the last of the group: none moves
                sock.close()
            self.sockets = old_sockets
            self._use(old_sockets[0])
            # Their exit is ours, not a crash to shut the server down for.
            self.interrupt_children.clear()
            self.main_loop_interrupt.clear()
            return
        self.wrks = new
        self._metrics.incr_spawn(len(new))
        # Every new connection to the new workers' sockets, bound after the old ones.
        spread(old_sockets[0], len(self.group), len(self.sockets))
        self.generations.supersede()
        logger.info(f"new workers answer; the old ones drain for {DRAIN_SECONDS:g} s")
        time.sleep(DRAIN_SECONDS)
        self._stop(old)
        self.group = close_keeping(old_sockets, [*self.group, *self.sockets])
        self.listener = self.sockets[0]
        logger.info("old workers stopped")

    def _stop(self, workers: Iterable[WorkerProcess]) -> None:
        """Stop workers: each finishes what it holds, within workers_kill_timeout, or is killed."""
        for worker in workers:
            worker.terminate()
        deadline = time.monotonic() + (self.workers_kill_timeout or 30)
        for worker in workers:
            worker.join(max(deadline - time.monotonic(), 0.001))
            if worker.is_alive():
                logger.warning(f"killing old worker-{worker.idx + 1}: it did not stop in time")
                worker.kill()
                worker.join()
