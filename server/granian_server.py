"""granian's main process with our listening sockets and our reload (server/reload.py).

granian's own reload replaces one worker at a time and stops each old one a fixed 3.5 s after
starting its successor, ready or not; a stopped worker closes at once its idle kept-alive
connections and those that have not sent a full request yet, and a request sent on one at
that moment fails. This reload gives the new workers a listening socket of their own on the
same port (SO_REUSEPORT), waits until they answer, then steers every new connection to it
(a one-instruction BPF program: SO_ATTACH_REUSEPORT_CBPF), lets the old workers drain
(`Connection: close` on their last answers) and only then stops them and closes their socket.
"""

import ctypes
import os
import signal
import socket
import struct
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from granian import Granian
from granian._granian import SocketHolder
from granian.log import logger
from granian.server.mp import MPServer, WorkerProcess

from diplokg.graph.query.engine import prepare_dataset

from .reload import DRAIN_SECONDS, STALE_ENV, Generations
from .wsgi import rebind

# Our sockets are handed to granian's process-based server, the one it uses where the GIL is on.
if Granian is not MPServer:
    raise ImportError("diplokg serves with granian's process-based server (a GIL build)")

SO_ATTACH_REUSEPORT_CBPF = getattr(socket, "SO_ATTACH_REUSEPORT_CBPF", 51)  # Linux 4.5+
# What granian hands to the methods below: its worker's entry point and the app's loader.
Target = Callable[..., Any]


def steer(sock: socket.socket, index: int) -> bool:
    """Send every new connection on sock's port to the socket at this index of its group.

    A classic BPF program of one instruction, "return index". The group lists its sockets in
    the order they were bound: the old one is 0 and the new one 1 during a reload. Once the
    old socket is closed the new one is 0 and the only one: an index out of range makes the
    kernel choose by hash, that is, it.
    """
    program = ctypes.create_string_buffer(struct.pack("HBBI", 0x06, 0, 0, index))  # BPF_RET|K
    fprog = struct.pack("HP", 1, ctypes.addressof(program))
    try:
        sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, fprog)
    except OSError as exc:
        logger.warning(f"cannot steer new connections ({exc})")
        return False
    return True


class DrainingGranian(MPServer):  # Granian itself, as checked above
    """granian serving on sockets we opened, reloading without dropping a request."""

    def __init__(
        self, *args: Any, listener: socket.socket, generations: Generations, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.listener = listener
        self.generations = generations
        self.replaced: dict[int, float] = {}  # when each worker was last replaced

    def _spawn_workers(self, spawn_target: Target, target_loader: Target) -> None:
        for idx in range(self.workers):
            self.wrks.append(self._start(idx, spawn_target, target_loader))
        self._metrics.incr_spawn(self.workers)

    def _start(self, idx: int, spawn_target: Target, target_loader: Target) -> WorkerProcess:
        """Start a worker, and granian's thread that watches it with signals blocked.

        The main process's Python signal handlers run in its main thread, which waits on an
        event; a signal that the kernel gives to another thread leaves it asleep, and a
        SIGHUP was then never acted on. So no other thread takes these signals.
        """
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
        old, old_listener = list(self.wrks), self.listener
        # New connections keep going to the old socket while the new workers start.
        steer(old_listener, 0)
        self._use(rebind(old_listener.family, old_listener.getsockname()))
        # The new workers are forks: they would hold the old socket open, and the kernel would
        # go on giving it connections that nobody takes. They close it first.
        os.environ[STALE_ENV] = str(old_listener.fileno())
        self.generations.begin()
        new = [self._start(idx, spawn_target, target_loader) for idx in range(self.workers)]
        if not self.generations.wait(len(new), lambda: all(w.is_alive() for w in new)):
            logger.error("the new workers did not start; the old ones go on answering")
            self._stop(new)
            self.listener.close()
            self._use(old_listener)
            steer(old_listener, 1)  # out of range once the new socket is closed: by hash
            # Their exit is ours, not a crash to shut the server down for.
            self.interrupt_children.clear()
            self.main_loop_interrupt.clear()
            return
        self.wrks = new
        self._metrics.incr_spawn(len(new))
        steer(self.listener, 1)  # every new connection to the new workers' socket
        self.generations.supersede()
        logger.info(f"new workers answer; the old ones drain for {DRAIN_SECONDS:g} s")
        time.sleep(DRAIN_SECONDS)
        self._stop(old)
        old_listener.close()
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
