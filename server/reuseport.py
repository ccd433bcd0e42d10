"""Which listening socket of a port's SO_REUSEPORT group gets each new connection.

Each granian web worker listens on a socket of its own, all bound to the one port with
SO_REUSEPORT. With one socket shared by every worker, the worker whose Rust accept loop was
awake took every connection: under 8 keep-alive clients one web worker answered all of them
(one core for Python) while the other stayed idle. With a socket each, a classic BPF program
(SO_ATTACH_REUSEPORT_CBPF) sends each new connection to a socket chosen at random among the
current workers' ones, and during a reload to the old workers' ones until the new workers
answer, then to the new ones.

The program returns an index into the group, whose sockets are listed in the order they were
bound; when a socket is closed, the last one takes its place (Linux's reuseport_detach_sock).
An index out of range makes the kernel choose by hash among all sockets of the group.
"""

from __future__ import annotations

import ctypes
import logging
import socket
import struct

logger = logging.getLogger("_granian")  # granian's own log

SO_ATTACH_REUSEPORT_CBPF = getattr(socket, "SO_ATTACH_REUSEPORT_CBPF", 51)  # Linux 4.5+
# Classic BPF opcodes (linux/filter.h) and the ancillary load of a random number.
LD_W_ABS, ALU_MOD_K, ALU_ADD_K, RET_K, RET_A = 0x20, 0x94, 0x04, 0x06, 0x16
RANDOM = 0xFFFFF000 + 56  # SKF_AD_OFF + SKF_AD_RANDOM


def attach(sock: socket.socket, program: list[tuple[int, int]]) -> bool:
    """Attach a program of (opcode, k) instructions to the group of sock; False if refused."""
    code = b"".join(struct.pack("HBBI", op, 0, 0, k) for op, k in program)
    buffer = ctypes.create_string_buffer(code)
    fprog = struct.pack("HP", len(program), ctypes.addressof(buffer))
    try:
        sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, fprog)
    except OSError as exc:
        logger.warning(f"cannot steer new connections ({exc})")
        return False
    return True


def to_one(sock: socket.socket, index: int) -> bool:
    """Send every new connection to the socket at this index of sock's group."""
    return attach(sock, [(RET_K, index)])


def spread(sock: socket.socket, first: int, count: int) -> bool:
    """Send each new connection to one of the sockets first..first+count-1, at random."""
    return attach(sock, [(LD_W_ABS, RANDOM), (ALU_MOD_K, count), (ALU_ADD_K, first), (RET_A, 0)])


def close_keeping(old: list[socket.socket], group: list[socket.socket]) -> list[socket.socket]:
    """Close the old sockets of a group, no new connection ever going to one of them.

    group lists every socket of the group in its order. Before each close, every new
    connection goes to one socket that is not old and not last (so the close moves it not),
    and after the last close they are spread over the rest, which are returned in the group's
    new order.
    """
    group = list(group)
    for sock in sorted(old, key=group.index, reverse=True):
        slot = group.index(sock)
        keep = [i for i, s in enumerate(group) if s not in old and i != len(group) - 1]
        if keep:  # else the one socket kept is last: once the old are gone it is the only one
            to_one(group[0], keep[0])
        sock.close()
        group[slot] = group[-1]
        group.pop()
        old = [s for s in old if s is not sock]
    if group:
        spread(group[0], 0, len(group))
    return group
