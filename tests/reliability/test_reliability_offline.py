"""dataflow works air-gapped: no connection, no DNS lookup, no download, ever.

Two layers: the in-process block of ``conftest.py`` (checked here to really block), and a fresh
interpreter whose ``sitecustomize`` records and refuses every non-local socket operation, running
the real CLI over the shipped examples with content detection on (Presidio, e-mail and URL
recognizers, whose ``tldextract`` would fetch the public-suffix list if let).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO_ROOT, NetworkAccessError

SITECUSTOMIZE = """
import os, socket
_LOG = os.environ["DATAFLOW_TEST_NETLOG"]

def _local(address):
    if isinstance(address, (str, bytes)):
        return True
    host = str(address[0]) if isinstance(address, tuple) and address else ""
    return host in ("localhost", "::1") or host.startswith("127.")

def _refuse(what):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(what + "\\n")
    raise OSError("network disabled in this test: " + what)

_connect = socket.socket.connect
def connect(self, address):
    if not _local(address):
        _refuse("connect %r" % (address,))
    return _connect(self, address)
socket.socket.connect = connect
socket.socket.connect_ex = connect

_gai = socket.getaddrinfo
def getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost", "127.0.0.1", "::1"):
        _refuse("resolve %r" % (host,))
    return _gai(host, *args, **kwargs)
socket.getaddrinfo = getaddrinfo
"""


def test_in_process_block_really_blocks(request: pytest.FixtureRequest) -> None:
    with pytest.raises(NetworkAccessError):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    with pytest.raises(NetworkAccessError):
        socket.getaddrinfo("publicsuffix.org", 443)
    with socket.socket() as sock, pytest.raises(NetworkAccessError):
        sock.connect(("192.0.2.1", 80))
    assert len(request.node.network_attempts) == 3
    request.node.network_attempts.clear()  # expected here; every other test must leave it empty


def _offline_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "netlog.txt"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["DATAFLOW_TEST_NETLOG"] = str(log)
    # an empty cache, so nothing cached by an earlier run can hide a fetch
    env["TLDEXTRACT_CACHE"] = str(tmp_path / "tld-cache")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["HOME"] = str(tmp_path / "home")
    return env, log


@pytest.mark.slow
def test_cli_scans_and_assesses_with_the_network_cut(tmp_path: Path) -> None:
    env, log = _offline_env(tmp_path)
    commands = [["scan", "examples", "--format", "json"]]
    manifests = sorted((EXAMPLES / "transfers").glob("*.yaml"))
    if manifests:
        commands.append(
            [
                "assess",
                str(manifests[0]),
                "--format",
                "json",
                "--ledger",
                str(tmp_path / "ledger.db"),
            ]
        )
    for args in commands:
        proc = subprocess.run(
            [sys.executable, "-m", "dataflow", *args],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            timeout=600,
            check=False,
        )
        assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
        assert b'"schema_version"' in proc.stdout
    assert not log.exists(), f"network access attempted: {log.read_text(encoding='utf-8')}"


def test_sitecustomize_blocker_is_effective(tmp_path: Path) -> None:
    """The subprocess check above only proves something if its blocker works."""
    env, log = _offline_env(tmp_path)
    code = "import socket\ntry:\n    socket.getaddrinfo('example.org', 80)\nexcept OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert log.read_text(encoding="utf-8").startswith("resolve 'example.org'")
