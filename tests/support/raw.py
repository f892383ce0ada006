"""Raw-socket servers on 127.0.0.1 for behaviour no framework would show (hostile tests): one
that answers every connection with fixed bytes, one that accepts and never answers."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@contextmanager
def accepting(handle: Callable[[socket.socket], None], backlog: int = 16) -> Iterator[str]:
    """Give every connection to a free 127.0.0.1 port to `handle`, in a thread; yield the base
    URL. The listening socket closes at the end (connections `handle` kept are its own)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(backlog)
    sock.settimeout(0.05)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            handle(conn)

    thread = threading.Thread(target=loop, name="raw-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=2)
        sock.close()


@contextmanager
def raw_server(reply: bytes) -> Iterator[str]:
    """Answer every connection with `reply` once its request head arrived, then hang up."""

    def answer(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5.0)  # a loaded client may be slow to send its request head
            head = b""
            try:
                while b"\r\n\r\n" not in head and len(head) < 65536:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    head += chunk
                conn.sendall(reply)
            except OSError:
                pass

    with accepting(answer) as url:
        yield url


@dataclass
class Silent:
    """A server that accepts TCP connections and never answers, counting the connections."""

    url: str = ""
    connections: int = 0

    def saw(self, expected: int) -> int:
        """The connections seen, once `expected` arrived or after a bounded wait (the accept
        thread may lag behind the client on a busy machine)."""
        deadline = time.monotonic() + 5
        while self.connections < expected and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.connections


@contextmanager
def silent_server() -> Iterator[Silent]:
    """Accept every connection, keep it open and never answer."""
    silent = Silent()
    held: list[socket.socket] = []

    def hold(conn: socket.socket) -> None:
        held.append(conn)
        silent.connections += 1

    try:
        with accepting(hold, backlog=64) as url:
            silent.url = url
            yield silent
    finally:
        for conn in held:
            conn.close()
