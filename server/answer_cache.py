"""Keep recent answers so that a repeated query on an unchanged dataset is not run again."""

import threading
from collections import OrderedDict

# An answer larger than this is not kept: a few large bodies would push out many small ones.
LARGEST_KEPT = 1_000_000


class AnswerCache:
    """A thread-safe LRU of answers; keys hold the dataset version, so a new one misses."""

    def __init__(self, entries: int):
        self.entries = entries
        self.kept: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        """Return the kept answer for key, or None."""
        with self.lock:
            found = self.kept.get(key)
            if found is not None:
                self.kept.move_to_end(key)
            return found

    def put(self, key, answer) -> None:
        """Keep an answer, dropping the least recently used beyond the limit."""
        if self.entries == 0 or len(answer.body) > LARGEST_KEPT:
            return
        with self.lock:
            self.kept[key] = answer
            self.kept.move_to_end(key)
            while len(self.kept) > self.entries:
                self.kept.popitem(last=False)
