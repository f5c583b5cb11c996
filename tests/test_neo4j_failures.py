"""Neo4jStore when the server or the network misbehaves, without a Neo4j server.

The real neo4j driver talks to real sockets on 127.0.0.1: ports that close,
answer garbage or stay silent, and tests/bolt_stub.py, a scripted Bolt server
that records each transaction and whether it was committed. Failures come from
the stub (a server FAILURE the driver turns into its own TransientError, a
dropped connection) or are the driver's own exception classes raised at the
boundary between our code and the driver: ManagedTransaction.run.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from neo4j import exceptions as neo4j_errors

from graphbuild.errors import QueryError, StoreError
from graphbuild.records import Article, Triple
from graphbuild.store import open_store
from graphbuild.store.neo4j import Neo4jStore
from tests.bolt_stub import BoltStub, Fault, Transaction
from tests.conftest import REPO
from tests.test_store import HEZBOLLAH, IRAN, ISRAEL, article, triple

SECRET = "s3cret-password-4711"
TRANSIENT = "Neo.TransientError.Transaction.DeadlockDetected"
STATEMENTS = "MERGE (s:Statement"


# -- raw sockets: what a wrong port or a broken server looks like -------------

def raw_server(behaviour: str) -> tuple[socket.socket, int]:
    """A TCP server on 127.0.0.1 that accepts, then: "close" at once, "http"
    answers the Bolt handshake like a web server, "bad-version" answers it with
    a version nobody speaks, "silent" never answers, "login-silent" agrees on
    Bolt 5.0 and then never answers the login."""
    server = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            if behaviour == "close":
                conn.close()
                continue
            conn.recv(20)
            if behaviour == "http":
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")
            elif behaviour == "bad-version":
                conn.sendall(b"\x00\x00\x00\x63")
            elif behaviour == "login-silent":
                conn.sendall(b"\x00\x00\x00\x05")
            held.append(conn)  # "silent": keep it open, say nothing

    threading.Thread(target=serve, daemon=True).start()
    return server, server.getsockname()[1]


@pytest.fixture
def raw(request: pytest.FixtureRequest) -> Iterator[int]:
    server, port = raw_server(request.param)
    yield port
    server.close()


def graphbuild(*args: str, stdin: str = "", env: dict[str, str] | None = None
               ) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, in its own process (the driver's logging included)."""
    settings = env or {}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "GRAPHBUILD_"))}
    env.update(NEO4J_USERNAME="neo4j", NEO4J_PASSWORD=SECRET, **settings)
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], input=stdin,
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=300,
                          check=False)


def one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("Error: ")
    assert SECRET not in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    return lines[0]


@pytest.mark.parametrize(("raw", "reason"), [
    ("close", "it closed the connection during the Bolt handshake"),
    ("http", r"it answers HTTP, not Bolt \(Bolt is usually port 7687\)"),
    ("bad-version", "it is not a Neo4j server, or speaks no Bolt version this driver supports"),
], indirect=["raw"])
def test_stats_on_a_broken_port_is_one_line_exit_6(raw: int, reason: str) -> None:
    done = graphbuild("stats", "--neo4j", f"bolt://127.0.0.1:{raw}")
    assert done.returncode == StoreError.exit_code
    line = one_error_line(done)
    assert re.fullmatch(
        rf"Error: cannot reach Neo4j at bolt://127\.0\.0\.1:{raw}: {reason}", line), line


@pytest.mark.parametrize("raw", ["close"], indirect=True)
def test_ingest_on_a_broken_port_is_one_line_exit_6(raw: int) -> None:
    done = graphbuild("ingest", "--neo4j", f"neo4j://127.0.0.1:{raw}", "--quiet", "-",
                      stdin=json.dumps({"id": "x", "text": "Iran armed Hezbollah."}))
    assert done.returncode == StoreError.exit_code
    assert one_error_line(done).startswith(f"Error: cannot reach Neo4j at neo4j://127.0.0.1:{raw}")


@pytest.mark.parametrize("raw", ["silent", "login-silent"], indirect=True)
def test_a_silent_server_times_out_within_the_connect_timeout(raw: int) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError) as caught:
        Neo4jStore(f"bolt://127.0.0.1:{raw}", "neo4j", SECRET, connect_timeout=1.0)
    assert time.monotonic() - started < 5  # the driver's own default would wait 60 s
    assert str(caught.value) == (f"cannot reach Neo4j at bolt://127.0.0.1:{raw}: "
                                 "no answer within 1 s")


@pytest.mark.parametrize("raw", ["silent"], indirect=True)
def test_the_connect_timeout_is_set_from_the_environment(raw: int) -> None:
    started = time.monotonic()
    done = graphbuild("stats", "--neo4j", f"bolt://127.0.0.1:{raw}",
                      env={"GRAPHBUILD_NEO4J_CONNECT_TIMEOUT": "1.5"})
    assert time.monotonic() - started < 12  # start-up plus 1.5 s, not the default 15 s
    assert done.returncode == StoreError.exit_code
    assert one_error_line(done) == (
        f"Error: cannot reach Neo4j at bolt://127.0.0.1:{raw}: no answer within 1.5 s")


@pytest.mark.parametrize("value", ["soon", "0", "-3", "inf"])
def test_a_bad_timing_setting_is_one_line_exit_6(value: str) -> None:
    done = graphbuild("stats", "--neo4j", "bolt://127.0.0.1:9",
                      env={"GRAPHBUILD_NEO4J_RETRY_SECONDS": value})
    assert done.returncode == StoreError.exit_code
    assert one_error_line(done) == (
        f"Error: GRAPHBUILD_NEO4J_RETRY_SECONDS={value!r}: expected a number of seconds above 0")


# -- the stub server: transactions, retries, lost connections -----------------

@pytest.fixture
def stub() -> Iterator[BoltStub]:
    with BoltStub() as server:
        yield server


def open_stub(stub: BoltStub, retry_time: float = 5.0) -> Neo4jStore:
    return Neo4jStore(stub.uri, "neo4j", SECRET, connect_timeout=2.0, retry_time=retry_time)


def story() -> tuple[Article, list[Triple]]:
    """One article, three relation types: five statements in one transaction."""
    art = article("a1")
    return art, [triple(art, IRAN, "AID", HEZBOLLAH, 0), triple(art, IRAN, "AID", HEZBOLLAH, 1),
                 triple(art, ISRAEL, "ASSAULT", HEZBOLLAH, 2),
                 triple(art, IRAN, "THREATEN", ISRAEL, 3),
                 triple(art, ISRAEL, "ASSAULT", HEZBOLLAH, 4, negated=True)]


def written(tx: Transaction) -> tuple[list[str], set[str]]:
    """What a transaction wrote: its statements' kinds in order, and the statement ids."""
    kinds = [query.split(" ")[0] + " " + query.split(" ")[1] for query, _ in tx.statements]
    ids = {row[2]["id"] for query, params in tx.statements if STATEMENTS in query
           for row in params["rows"]}
    return kinds, ids


def whole_article() -> tuple[list[str], set[str]]:
    _, triples = story()
    return (["MERGE (r:Article", "UNWIND $rows"] + ["UNWIND $rows"] * 3,
            {t.statement_id for t in triples})


def article_writes(stub: BoltStub) -> list[Transaction]:
    """Committed transactions that wrote the article (coalitions etc. aside)."""
    return [tx for tx in stub.committed() if written(tx)[0][:1] == ["MERGE (r:Article"]]


def test_a_clean_write_is_one_transaction_holding_the_whole_article(stub: BoltStub) -> None:
    with open_stub(stub) as store:
        result = store.add_article(*story())
    assert (result.new_article, result.new_statements) == (True, 5)
    [tx] = article_writes(stub)
    assert written(tx) == whole_article()
    assert stub.hellos[0]["credentials"] == SECRET  # the secret did travel, and stays out of errors


@pytest.mark.parametrize("fault", [
    Fault("MERGE (r:Article", TRANSIENT),  # the server's TransientError on the first statement
    Fault(STATEMENTS, TRANSIENT, nth=2),  # ...on a later one
    Fault("UNWIND $rows AS row MERGE (a:Actor", "drop"),  # the connection lost mid-article
    Fault(STATEMENTS, "drop", nth=3),
    Fault(STATEMENTS, "drop", on="COMMIT"),  # lost while committing: the commit did not land
], ids=["transient-first", "transient-mid", "drop-actors", "drop-mid", "drop-on-commit"])
def test_a_failed_attempt_is_rolled_back_and_retried_whole(stub: BoltStub, fault: Fault) -> None:
    stub.faults.append(fault)
    with open_stub(stub) as store:
        result = store.add_article(*story())
    assert fault.times == 0  # the fault did happen
    assert (result.new_article, result.new_statements) == (True, 5)
    [tx] = article_writes(stub)  # committed once, whole
    assert written(tx) == whole_article()
    assert stub.rolled_back()  # the failed attempt, never committed


def test_a_commit_whose_reply_was_lost_is_written_again_and_counted_once(stub: BoltStub) -> None:
    # IncompleteCommit: the server committed, the driver never heard; it does not retry that
    stub.faults.append(Fault(STATEMENTS, "commit-then-drop", on="COMMIT"))
    with open_stub(stub) as store:
        result = store.add_article(*story())
        again = store.add_article(*story())
    # the first commit stored the article; the rewrite found it and created nothing
    assert (result.new_article, result.new_statements) == (True, 5)
    assert (again.new_article, again.new_statements) == (False, 0)
    assert [written(tx) for tx in article_writes(stub)][:1] == [whole_article()]


def test_a_server_that_keeps_dropping_the_connection_ends_in_one_line(stub: BoltStub) -> None:
    stub.faults.append(Fault(STATEMENTS, "drop", nth=2, times=1000))
    with open_stub(stub, retry_time=1.0) as store:
        with pytest.raises(StoreError) as caught:
            store.add_article(*story())
        assert str(caught.value) == (
            f"lost the connection to Neo4j at {stub.uri} while writing article 'a1' "
            "(retried for 1 s); nothing of it was stored: run the same command again to add "
            "it and the rest")
        assert article_writes(stub) == []
        assert len(stub.rolled_back()) >= 2  # the driver did retry
        stub.faults.clear()  # the network is back: the same write completes the graph
        assert store.add_article(*story()).new_statements == 5
    [tx] = article_writes(stub)
    assert written(tx) == whole_article()


def test_two_lost_commit_replies_in_a_row_end_in_one_line(stub: BoltStub) -> None:
    stub.faults.append(Fault(STATEMENTS, "drop", on="COMMIT", times=2))
    with open_stub(stub) as store, pytest.raises(StoreError) as caught:
        store.add_article(*story())
    assert str(caught.value) == (
        f"lost the connection to Neo4j at {stub.uri} twice while committing article 'a1': it "
        "is stored whole or not at all; run the same command again to complete the graph")


def test_a_server_error_that_is_not_transient_is_not_retried(stub: BoltStub) -> None:
    stub.faults.append(Fault(STATEMENTS, "Neo.DatabaseError.General.UnknownError", nth=2))
    with open_stub(stub) as store, pytest.raises(StoreError) as caught:
        store.add_article(*story())
    assert str(caught.value) == (f"Neo4j at {stub.uri}: scripted "
                                 "Neo.DatabaseError.General.UnknownError")
    assert article_writes(stub) == []
    assert len([t for t in stub.rolled_back() if t.statements]) == 1


def test_errors_of_reads_and_queries_are_translated(stub: BoltStub) -> None:
    stub.faults += [Fault("LIMIT 1", "Neo.ClientError.Statement.SyntaxError"),
                    Fault("RETURN a.id AS id, a.name AS name", TRANSIENT)]
    with open_stub(stub) as store:
        with pytest.raises(QueryError, match="^scripted Neo.ClientError.Statement.SyntaxError$"):
            store.query("MATCH (a:Actor) RETURN a LIMIT 1")
        # our own reads are managed read transactions: retried like the writes
        assert store.actors() == []
    assert [f.times for f in stub.faults] == [0, 0]


def test_a_missing_database_is_named(stub: BoltStub) -> None:
    stub.faults.append(Fault("RETURN 1", "Neo.ClientError.Database.DatabaseNotFound"))
    with pytest.raises(StoreError, match=f"^Neo4j at {stub.uri} has no database nosuchdb$"):
        open_store(stub.uri, neo4j_password=SECRET, neo4j_database="nosuchdb")


# -- the driver's own exception classes at the ManagedTransaction.run boundary --

CUT = "cut"


def cut_connection(tx: neo4j.ManagedTransaction) -> None:
    """Shut down the TCP connection under `tx`, as a network failure would: the
    driver finds out at its next write or read, the server rolls back."""
    bolt_socket = tx._connection.socket  # type: ignore[attr-defined]  # no public handle
    raw = getattr(bolt_socket, "_socket", bolt_socket)
    raw.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def failing_run(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """arm(fault, nth, attempts): on statement `nth` of each of the first
    `attempts` transactions, the driver's ManagedTransaction.run raises `fault`
    (one of the driver's exceptions) or, for CUT, runs on a connection just cut.
    Every other call is the real run. Returns the statements run per transaction."""
    real_run = neo4j.ManagedTransaction.run
    plan: dict[str, Any] = {}
    calls: list[int] = []

    def run(tx: neo4j.ManagedTransaction, query: str, *args: Any, **kwargs: Any) -> Any:
        if not calls or plan.get("last_tx") is not tx:  # each attempt is a new transaction
            plan["last_tx"] = tx
            calls.append(0)
        calls[-1] += 1
        if len(calls) <= plan["attempts"] and calls[-1] == plan["nth"]:
            if plan["fault"] == CUT:
                cut_connection(tx)
            else:
                raise plan["fault"]
        return real_run(tx, query, *args, **kwargs)

    def arm(fault: Exception | str, nth: int, attempts: int = 1) -> list[int]:
        plan.update(fault=fault, nth=nth, attempts=attempts)
        monkeypatch.setattr(neo4j.ManagedTransaction, "run", run)
        return calls

    return arm


@pytest.fixture
def lost_commit_reply(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The first managed transaction's commit lands, then the driver raises its
    IncompleteCommit as if the reply had been lost. Returns how many commits ran."""
    real_commit = neo4j.ManagedTransaction._commit  # type: ignore[attr-defined]
    commits: list[int] = []

    def commit(tx: neo4j.ManagedTransaction) -> Any:
        bookmark = real_commit(tx)
        commits.append(1)
        if len(commits) == 1:
            raise neo4j_errors.IncompleteCommit("injected: the commit's reply was lost")
        return bookmark

    monkeypatch.setattr(neo4j.ManagedTransaction, "_commit", commit)
    return commits


def test_the_drivers_incomplete_commit_is_written_again_and_counted_once(
        stub: BoltStub, lost_commit_reply: list[int]) -> None:
    with open_stub(stub) as store:
        result = store.add_article(*story())
    assert len(lost_commit_reply) == 2
    assert (result.new_article, result.new_statements) == (True, 5)
    first, second = article_writes(stub)
    assert written(first) == written(second) == whole_article()  # MERGEs: the second is a no-op


@pytest.mark.parametrize("error", [
    neo4j_errors.TransientError("deadlock"),
    neo4j_errors.ServiceUnavailable("connection refused"),
    neo4j_errors.SessionExpired("leader changed"),
    CUT,
], ids=lambda e: type(e).__name__ if isinstance(e, Exception) else "connection-cut")
def test_driver_retryable_errors_are_retried_to_a_whole_article(
        stub: BoltStub, failing_run, error: Exception | str) -> None:  # type: ignore[no-untyped-def]
    calls = failing_run(error, nth=3)
    with open_stub(stub) as store:
        result = store.add_article(*story())
    assert calls == [3, 5]  # failed on the third statement, then all five in a new transaction
    assert (result.new_article, result.new_statements) == (True, 5)
    [tx] = article_writes(stub)
    assert written(tx) == whole_article()


@pytest.mark.parametrize(("error", "message"), [
    (neo4j_errors.TransientError("deadlock"),
     (r"Neo4j at {uri}: deadlock \(writing article 'a1', still failing after retrying for 1 s; "
      r"nothing of it was stored\)")),
    (neo4j_errors.ServiceUnavailable("connection refused"),
     r"lost the connection to Neo4j at {uri} while writing article 'a1' \(retried for 1 s\)"),
    (neo4j_errors.SessionExpired("leader changed"),
     r"lost the connection to Neo4j at {uri} while writing article 'a1' \(retried for 1 s\)"),
    (neo4j_errors.AuthError("token expired"),
     r"Neo4j rejected the credentials for user neo4j"),
    (neo4j_errors.ConstraintError("already exists"), r"Neo4j at {uri}: already exists"),
    (neo4j_errors.DriverError("pool closed"), r"Neo4j at {uri}: pool closed"),
], ids=lambda v: type(v).__name__ if isinstance(v, Exception) else "")
def test_driver_errors_become_one_store_error_line_and_nothing_is_committed(
        stub: BoltStub, failing_run, error: Exception, message: str) -> None:  # type: ignore[no-untyped-def]
    calls = failing_run(error, nth=2, attempts=1000)
    with open_stub(stub, retry_time=1.0) as store, pytest.raises(StoreError) as caught:
        store.add_article(*story())
    assert re.match(message.format(uri=re.escape(stub.uri)), str(caught.value)), caught.value
    assert "\n" not in str(caught.value) and SECRET not in str(caught.value)
    assert caught.value.exit_code == 6
    retried = error.is_retryable()  # type: ignore[attr-defined]
    assert (len(calls) > 1) == retried
    assert article_writes(stub) == []


# -- the command line against the stub ---------------------------------------

ARTICLES = [
    {"id": "n1", "text": "Iran sent weapons to Hezbollah.", "published": "2024-01-01"},
    {"id": "n2", "text": "Israel attacked Hezbollah in Lebanon.", "published": "2024-01-02"},
    {"id": "n3", "text": "Iran threatened Israel.", "published": "2024-01-03"},
]
JSONL = "\n".join(json.dumps(a) for a in ARTICLES)


def statement_ids(stub: BoltStub) -> set[str]:
    return set().union(*(written(tx)[1] for tx in stub.committed()))


@pytest.fixture(scope="module")
def clean_run() -> tuple[list[str], set[str]]:
    with BoltStub() as stub:
        done = graphbuild("ingest", "--neo4j", stub.uri, "--quiet", "-", stdin=JSONL)
        assert done.returncode == 0, done.stderr
        assert "3 new articles" in done.stderr
        return stub.stored_article_ids(), statement_ids(stub)


def test_ingest_through_a_transient_error_equals_a_clean_run(clean_run) -> None:  # type: ignore[no-untyped-def]
    articles, statements = clean_run
    assert statements  # the articles do yield statements
    with BoltStub([Fault(STATEMENTS, TRANSIENT, nth=2)]) as stub:
        done = graphbuild("ingest", "--neo4j", stub.uri, "--quiet", "-", stdin=JSONL)
        assert done.returncode == 0, done.stderr
        [line] = done.stderr.splitlines()  # the driver's retry warning stays out of sight
        assert line.startswith("Ingested 3 new articles (0 already present, 0 failed)")
        assert (stub.stored_article_ids(), statement_ids(stub)) == (articles, statements)


def test_ingest_stopped_by_a_server_error_then_rerun_equals_a_clean_run(clean_run) -> None:  # type: ignore[no-untyped-def]
    articles, statements = clean_run
    unknown = "Neo.DatabaseError.General.UnknownError"
    with BoltStub([Fault("MERGE (r:Article", unknown, nth=2)]) as stub:
        done = graphbuild("ingest", "--neo4j", stub.uri, "--quiet", "-", stdin=JSONL)
        assert done.returncode == StoreError.exit_code
        assert one_error_line(done) == f"Error: Neo4j at {stub.uri}: scripted {unknown}"
        assert stub.stored_article_ids() == articles[:1]  # the first whole, nothing of the second
        again = graphbuild("ingest", "--neo4j", stub.uri, "--quiet", "-", stdin=JSONL)
        assert again.returncode == 0, again.stderr
        assert "2 new articles (1 already present" in again.stderr
        assert (stub.stored_article_ids(), statement_ids(stub)) == (articles, statements)
