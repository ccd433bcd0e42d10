"""Run one stage in a forked process while the build goes on with others.

Reasoning (owlrl) and validation (pySHACL) both read the asserted facts and neither needs the
other's result, so on a machine with two cores they run side by side. The child sends its
result back as N-Triples; an error in it comes back as an exception with its traceback.
"""

import multiprocessing
import traceback

from rdflib import Graph


def _run(send, func, args) -> None:
    try:
        send.send(("ok", func(*args).serialize(format="nt")))
    except BaseException:  # report anything, our own bugs included, to the parent
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()


class Background:
    """A graph-valued function running in a forked child; result() waits for it."""

    def __init__(self, func, *args):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(send, func, args), daemon=True)
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
