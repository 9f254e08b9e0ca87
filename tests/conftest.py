"""Shared test fixtures.

Every test runs with outbound network connections blocked: dataflow must work air-gapped, so
any attempt to connect anywhere but a local (AF_UNIX / loopback) socket fails the test.
"""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = REPO_ROOT / "examples"
TEST_DATA = Path(__file__).resolve().parent / "data"
# The SARIF 2.1.0 JSON Schema (SchemaStore/schemastore, src/schemas/json/sarif-2.1.0.json,
# commit 3b6446ad8a07), kept in the repository so the tests run from a clone alone.
SARIF_SCHEMA = TEST_DATA / "sarif-2.1.0.json"
# Reports of the shipped examples, compared byte for byte by test_golden.py.
GOLDEN = Path(__file__).resolve().parent / "golden"


class NetworkAccessError(AssertionError):
    """Raised when code under test tries to reach the network."""


def _is_local(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    if isinstance(address, tuple) and address:
        host = str(address[0])
        return host in {"localhost", "::1"} or host.startswith("127.")
    return False


@pytest.fixture(autouse=True)
def _block_network(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[None]:
    """Fail any test that opens a non-local connection or resolves a host name.

    The attempt raises at once, and the test also fails at teardown if the code under test
    caught that exception and carried on.
    """
    if request.node.get_closest_marker("allow_network"):
        yield
        return
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    attempts: list[str] = []
    request.node.network_attempts = attempts  # a test expecting an attempt may clear this

    def refuse(what: str) -> NetworkAccessError:
        attempts.append(what)
        return NetworkAccessError(f"test tried to {what}")

    def guarded_connect(self: socket.socket, address: object) -> object:
        if not _is_local(address):
            raise refuse(f"connect to {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    def guarded_connect_ex(self: socket.socket, address: object) -> object:
        if not _is_local(address):
            raise refuse(f"connect to {address!r}")
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    def no_dns(*args: object, **kwargs: object) -> object:
        host = args[0] if args else kwargs.get("host")
        if host in (None, "localhost", "127.0.0.1", "::1"):
            return real_getaddrinfo(*args, **kwargs)  # type: ignore[arg-type]
        raise refuse(f"resolve {host!r}")

    def no_create_connection(address: object, *args: object, **kwargs: object) -> object:
        if _is_local(address):  # a test's own server on 127.0.0.1 (the database tests)
            return real_create_connection(address, *args, **kwargs)  # type: ignore[arg-type]
        raise refuse(f"connect to {address!r}")

    real_getaddrinfo = socket.getaddrinfo
    real_create_connection = socket.create_connection
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    monkeypatch.setattr(socket, "create_connection", no_create_connection)
    yield
    # Code under test may swallow the exception (and fall back silently): fail anyway.
    assert not attempts, f"network access attempted: {attempts}"


@pytest.fixture(autouse=True)
def _rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests pin the rules' verdicts: the learned field scorer, which may change them, is
    off unless a test asks for it (``learned=True``; tests/detect/test_learned_scorer.py)."""
    monkeypatch.setenv("DATAFLOW_LEARNED_SCORER", "off")


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --lang the output language follows the locale: pin it so results do not depend
    on the machine running the tests (tests of the locale default set their own)."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder (``tmp_path / "cwd"``) where configuration discovery stops, so
    no project configuration is picked up by accident."""
    work = tmp_path / "cwd"
    work.mkdir()
    (work / ".git").mkdir()  # stops configuration discovery here
    monkeypatch.chdir(work)
    return work


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current output instead of comparing with it",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """``--update-golden`` (or ``DATAFLOW_UPDATE_GOLDEN=1``): rewrite the golden files."""
    flag = bool(request.config.getoption("--update-golden"))
    return flag or os.environ.get("DATAFLOW_UPDATE_GOLDEN") == "1"


def pytest_configure(config: pytest.Config) -> None:
    # dataflow's pattern and catalog caches go to a folder of this test session, never to the
    # home folder of whoever runs the tests (subprocesses inherit the variable).
    if "DATAFLOW_CACHE_DIR" not in os.environ:
        os.environ["DATAFLOW_CACHE_DIR"] = tempfile.mkdtemp(prefix="dataflow-test-cache-")
    config.addinivalue_line("markers", "allow_network: let this test use loopback sockets freely")
