"""Run one stage in a forked process while the build goes on with others.

Reasoning (owlrl) and validation (pySHACL) both read the asserted facts and neither needs the
other's result, so on a machine with two cores they run side by side. The child sends its
result back as N-Triples; an error in it comes back as an exception with its traceback.
"""

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVarTuple

from rdflib import Graph

PR_SET_PDEATHSIG = 1  # linux/prctl.h
Args = TypeVarTuple("Args")


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (a killed build leaves no child).

    The child holds what the parent held at the fork, the build lock among them: an orphan
    would keep the next build waiting.
    """
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


def _run(
    receive: Connection, send: Connection, func: Callable[[*Args], Graph], args: tuple[*Args]
) -> None:
    _die_with_parent()
    # Ctrl-C reaches every process of the terminal's group: the build decides and stops this
    # one; a traceback from here would only bury the build's one line.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The fork copied the parent's end of the pipe: close it, so that if the parent dies the
    # send fails at once instead of blocking forever on a pipe that this process keeps open.
    receive.close()
    try:
        send.send(("ok", func(*args).serialize(format="nt")))
    except BrokenPipeError:
        pass  # the parent is gone (killed, or the build failed): nobody wants the result
    except BaseException:  # report anything, our own bugs included, to the parent
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()


class Background:
    """A graph-valued function running in a forked child; result() waits for it."""

    def __init__(self, func: Callable[[*Args], Graph], *args: *Args):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_run, args=(self._receive, send, func, args), daemon=True
        )
        self._process.start()
        send.close()

    def result(self) -> Graph:
        """Wait for the child; return its graph, or raise what went wrong in it."""
        try:
            status, payload = self._receive.recv()
        except EOFError:
            raise RuntimeError("the background stage died without a result") from None
        finally:
            self._process.join()
        if status != "ok":
            raise RuntimeError(f"the background stage failed:\n{payload}")
        return Graph().parse(data=payload, format="nt")

    def cancel(self) -> None:
        """Stop the child if it still runs (the build failed before needing its result)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
