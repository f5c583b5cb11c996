"""A scripted Bolt 5.0 server on 127.0.0.1, so the real neo4j driver can be
tested without a Neo4j server: handshakes, transactions, retries, lost
connections.

It runs no Cypher. It records every transaction as the list of (query,
parameters) it received and whether it was committed, answers the one lookup
the pipeline makes (is article $id stored?) from the committed transactions,
and reports MERGE-like counters (`nodes-created` counts article and statement
ids no committed transaction has written yet), so Neo4jStore's AddResult means
what it means on a real server. Faults are scripted per statement: answer with
a server FAILURE (the driver raises its own TransientError, ClientError...) or
drop the connection.
"""

from __future__ import annotations

import socket
import struct
import threading
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Self

from graphbuild.store.neo4j import ARTICLE_STORED  # the one lookup the stub answers

BOLT_MAGIC = b"\x60\x60\xb0\x17"
BOLT_5_0 = b"\x00\x00\x00\x05"
AGENT = "Neo4j/5.26.0"

HELLO, GOODBYE, RESET, RUN, BEGIN, COMMIT, ROLLBACK, DISCARD, PULL = (
    0x01, 0x02, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x2F, 0x3F)
SUCCESS, RECORD, IGNORED, FAILURE = 0x70, 0x71, 0x7E, 0x7F


# -- PackStream, the subset Bolt messages and our parameters use --------------

@dataclass
class Structure:
    tag: int
    fields: list[Any]


def pack(value: Any) -> bytes:
    if value is None:
        return b"\xc0"
    if value is True:
        return b"\xc3"
    if value is False:
        return b"\xc2"
    if isinstance(value, int):
        if -16 <= value < 128:
            return struct.pack(">b", value)
        return b"\xcb" + struct.pack(">q", value)
    if isinstance(value, float):
        return b"\xc1" + struct.pack(">d", value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return sized(0x80, 0xD0, len(data)) + data
    if isinstance(value, list | tuple):
        return sized(0x90, 0xD4, len(value)) + b"".join(pack(v) for v in value)
    if isinstance(value, dict):
        return sized(0xA0, 0xD8, len(value)) + b"".join(
            pack(k) + pack(v) for k, v in value.items())
    if isinstance(value, Structure):
        return bytes([0xB0 + len(value.fields), value.tag]) + b"".join(
            pack(v) for v in value.fields)
    raise TypeError(f"cannot pack {type(value).__name__}")


def sized(tiny: int, marker: int, size: int) -> bytes:
    if size < 16:
        return bytes([tiny + size])
    return bytes([marker + 2]) + struct.pack(">I", size)  # the 32-bit size form


class Unpacker:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def take(self, count: int) -> bytes:
        chunk = self.data[self.at:self.at + count]
        self.at += count
        return chunk

    def size(self, marker: int, base: int) -> int:
        width = 1 << (marker - base)  # 1, 2 or 4 bytes
        return int.from_bytes(self.take(width), "big")

    def value(self) -> Any:
        marker = self.take(1)[0]
        high = marker & 0xF0
        if marker < 0x80 or marker >= 0xF0:
            return struct.unpack(">b", bytes([marker]))[0]
        if high == 0x80:
            return self.take(marker & 0x0F).decode("utf-8")
        if high == 0x90:
            return [self.value() for _ in range(marker & 0x0F)]
        if high == 0xA0:
            return self.pairs(marker & 0x0F)
        if high == 0xB0:
            tag = self.take(1)[0]
            return Structure(tag, [self.value() for _ in range(marker & 0x0F)])
        if marker == 0xC0:
            return None
        if marker in (0xC2, 0xC3):
            return marker == 0xC3
        if marker == 0xC1:
            return struct.unpack(">d", self.take(8))[0]
        if 0xC8 <= marker <= 0xCB:
            width = 1 << (marker - 0xC8)
            return int.from_bytes(self.take(width), "big", signed=True)
        if 0xCC <= marker <= 0xCE:
            return self.take(self.size(marker, 0xCC))
        if 0xD0 <= marker <= 0xD2:
            return self.take(self.size(marker, 0xD0)).decode("utf-8")
        if 0xD4 <= marker <= 0xD6:
            return [self.value() for _ in range(self.size(marker, 0xD4))]
        if 0xD8 <= marker <= 0xDA:
            return self.pairs(self.size(marker, 0xD8))
        raise ValueError(f"unknown PackStream marker {marker:#x}")

    def pairs(self, count: int) -> dict[str, Any]:
        found = {}
        for _ in range(count):
            key = self.value()
            found[key] = self.value()
        return found


def read_message(stream: BinaryIO) -> Structure | None:
    """One chunked Bolt message, or None when the client went away."""
    data = b""
    while True:
        header = stream.read(2)
        if len(header) < 2:
            return None
        size = int.from_bytes(header, "big")
        if size == 0:
            if data:
                message = Unpacker(data).value()
                assert isinstance(message, Structure)
                return message
            continue  # a NOOP keep-alive chunk
        chunk = stream.read(size)
        if len(chunk) < size:
            return None
        data += chunk


def frame(tag: int, *fields: Any) -> bytes:
    body = pack(Structure(tag, list(fields)))
    out = b""
    for start in range(0, len(body), 0xFFFF):
        piece = body[start:start + 0xFFFF]
        out += len(piece).to_bytes(2, "big") + piece
    return out + b"\x00\x00"


# -- the server ----------------------------------------------------------------

@dataclass
class Fault:
    """What to do to the `nth` statement (counting from 1) whose query contains
    `match`; `on` is "RUN", or "COMMIT" for the commit of a transaction holding
    such a statement. `action`: "drop" closes the connection (before the
    commit, on COMMIT), "commit-then-drop" (on COMMIT) commits and closes the
    connection before replying, a Neo4j status code (e.g.
    "Neo.TransientError.Transaction.DeadlockDetected") answers with that
    FAILURE. `times` faults are injected, then the server behaves."""

    match: str
    action: str
    nth: int = 1
    times: int = 1
    on: str = "RUN"
    seen: int = 0


@dataclass(eq=False)  # two transactions with the same statements are still two
class Transaction:
    statements: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    committed: bool = False


class Dropped(Exception):
    """The script closes the connection."""


class CommittedThenDropped(Dropped):
    """The script commits, then closes the connection without a reply."""


class BoltStub:
    """Serve Bolt on 127.0.0.1:<free port> until close(); see the module docstring."""

    def __init__(self, faults: list[Fault] | None = None, agent: str = AGENT) -> None:
        self.faults = list(faults or [])
        self.agent = agent
        self.transactions: list[Transaction] = []  # every one, in order of its end
        self.hellos: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def committed(self) -> list[Transaction]:
        with self.lock:
            return [tx for tx in self.transactions if tx.committed]

    def rolled_back(self) -> list[Transaction]:
        with self.lock:
            return [tx for tx in self.transactions if not tx.committed]

    def stored_article_ids(self) -> list[str]:
        """Article ids in committed transactions, once per commit that wrote one."""
        return [params["id"] for tx in self.committed() for query, params in tx.statements
                if query.startswith("MERGE (r:Article")]

    def close(self) -> None:
        self.server.close()
        with self.lock:
            for conn in self.connections:
                conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one connection ---------------------------------------------------------

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with self.lock:
                self.connections.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        stream = conn.makefile("rb")
        tx: Transaction | None = None
        try:
            if stream.read(4) != BOLT_MAGIC:
                return
            stream.read(16)  # the client's four version ranges; 5.0 is among them
            conn.sendall(BOLT_5_0)
            failed = False
            last: list[Any] = []  # the latest RUN's query, parameters, nodes created
            while True:
                message = read_message(stream)
                if message is None or message.tag == GOODBYE:
                    return
                if message.tag == RESET:
                    failed = False
                    self._end(tx, committed=False)
                    tx = None
                    conn.sendall(frame(SUCCESS, {}))
                    continue
                if failed:
                    conn.sendall(frame(IGNORED))
                    continue
                reply, failure = self._answer(message, tx, last)
                if message.tag == BEGIN:
                    tx = Transaction()
                elif message.tag in (COMMIT, ROLLBACK) and failure is None:
                    self._end(tx, committed=message.tag == COMMIT)
                    tx = None
                if failure is not None:
                    failed = True
                    conn.sendall(frame(FAILURE, failure))
                else:
                    conn.sendall(b"".join(reply))
        except CommittedThenDropped:
            self._end(tx, committed=True)
            tx = None
        except (Dropped, OSError):
            pass
        finally:
            self._end(tx, committed=False)  # the server rolls back an open transaction
            stream.close()
            conn.close()

    def _end(self, tx: Transaction | None, committed: bool) -> None:
        """Record how `tx` ended (at most once)."""
        if tx is not None:
            tx.committed = committed
            with self.lock:
                if tx not in self.transactions:
                    self.transactions.append(tx)

    def _answer(self, message: Structure, tx: Transaction | None,
                last: list[Any]) -> tuple[list[bytes], dict | None]:
        """The reply frames for one message, or a FAILURE's metadata."""
        tag = message.tag
        if tag == HELLO:
            self.hellos.append(message.fields[0])
            return [frame(SUCCESS, {"server": self.agent, "connection_id": "bolt-stub"})], None
        if tag in (BEGIN, ROLLBACK):
            return [frame(SUCCESS, {})], None
        if tag == COMMIT:
            statements = tx.statements if tx else []
            failure = self._fault("COMMIT", statements)
            return [frame(SUCCESS, {"bookmark": "stub:1"})], failure
        if tag == RUN:
            query, params = message.fields[0], message.fields[1]
            failure = self._fault("RUN", [(query, params)])
            if failure is not None:
                return [], failure
            fields = ["id"] if query == ARTICLE_STORED else []
            created = self._nodes_created(query, params)
            if tx is not None:
                tx.statements.append((query, params))
            last[:] = [query, params, created]
            return [frame(SUCCESS, {"fields": fields, "t_first": 0, "qid": 0})], None
        if tag in (PULL, DISCARD):
            query, params, created = last
            frames = []
            if tag == PULL and query == ARTICLE_STORED and params["id"] in self.stored_article_ids():
                frames.append(frame(RECORD, [params["id"]]))
            done: dict[str, Any] = {"type": "w" if created else "r", "t_last": 0, "db": "neo4j"}
            if created:
                done["stats"] = {"nodes-created": created}
            if tx is None:
                done["bookmark"] = "stub:1"
            return frames + [frame(SUCCESS, done)], None
        return [frame(SUCCESS, {})], None

    def _fault(self, on: str, statements: list[tuple[str, dict[str, Any]]]) -> dict | None:
        for fault in self.faults:
            if fault.on != on or fault.times <= 0:
                continue
            if not any(fault.match in query for query, _ in statements):
                continue
            fault.seen += 1
            if fault.seen < fault.nth:
                continue
            fault.times -= 1
            if fault.action == "drop":
                raise Dropped
            if fault.action == "commit-then-drop":
                raise CommittedThenDropped
            return {"code": fault.action, "message": f"scripted {fault.action}"}
        return None

    def _nodes_created(self, query: str, params: dict[str, Any]) -> int:
        """What a MERGE would create, judged against committed transactions only."""
        written = [(q, p) for tx in self.committed() for q, p in tx.statements]
        if query.startswith("MERGE (r:Article"):
            return 0 if params["id"] in self.stored_article_ids() else 1
        if "MERGE (s:Statement" in query:
            known = {row[2]["id"] for q, p in written if "MERGE (s:Statement" in q
                     for row in p["rows"]}
            return len({row[2]["id"] for row in params["rows"]} - known)
        return 0
