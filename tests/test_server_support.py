"""Helpers for the store, contract and server tests: real servers in real processes. No tests here.

``start_server`` runs ``seminargraph serve --port 0`` as a user would and reads the address it
prints; ``start_oxigraph`` runs the ``oxigraph serve`` binary of the PyPI package ``oxigraph`` on a
free loopback port. Both are stopped by their process id.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

STARTUP_SECONDS = 90


@dataclass
class Running:
    """A server process, its address, and everything it wrote (stdout and stderr, line by line)."""

    url: str
    process: subprocess.Popen[str]
    output: list[str] = field(default_factory=list)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def log(self) -> str:
        return "\n".join(self.output)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _drain(stream: object, into: list[str], found: threading.Event, address: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.append(line.rstrip("\n"))
        match = re.match(r"^serving .* on (http://\S+/)$", line.strip())
        if match and not address:
            address.append(match[1])
            found.set()


#: Runs seminargraph with the first argument as the soft limit on the size of any file its
#: processes write (RLIMIT_FSIZE; children inherit it): a write past it fails as on a full disk.
_LIMITED = """
import resource, runpy, sys
hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv.pop(1)), hard))
sys.argv[0] = "seminargraph"
runpy.run_module("seminargraph", run_name="__main__", alter_sys=True)
"""


def start_server(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, file_size_limit: int | None = None
) -> Running:
    """Start ``seminargraph serve --port 0 ARGS...`` and wait until it listens.

    ``env``: variables to set besides the current environment. ``file_size_limit``: the largest
    file (bytes) the server's processes may write, as if the disk were full beyond it.
    """
    launch = ["-m", "seminargraph"] if file_size_limit is None else ["-c", _LIMITED, str(file_size_limit)]
    command = [sys.executable, *launch, "serve", "--port", "0", *args]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
    )
    output: list[str] = []
    found = threading.Event()
    address: list[str] = []
    for stream in (process.stdout, process.stderr):
        threading.Thread(target=_drain, args=(stream, output, found, address), daemon=True).start()
    if not found.wait(STARTUP_SECONDS):
        process.kill()
        process.wait(5)
        pytest.fail("seminargraph serve did not start:\n" + "\n".join(output))
    running = Running(address[0], process, output)
    _wait_answers(running.url + "sparql?query=ASK%7B%7D", process)
    return running


def oxigraph_binary() -> str:
    """The ``oxigraph`` command of the PyPI package (in the venv beside this Python)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        pytest.skip("the oxigraph binary (PyPI package 'oxigraph', in the test extra) is not installed")
    return found


def start_oxigraph(location: Path | None = None) -> Running:
    """Start ``oxigraph serve`` on a free loopback port (in memory, or in ``location``)."""
    port = free_port()
    command = [oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}"]
    if location is not None:
        command += ["--location", str(location)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    threading.Thread(target=_drain, args=(process.stdout, output, threading.Event(), []), daemon=True).start()
    running = Running(f"http://127.0.0.1:{port}/", process, output)
    _wait_answers(running.url + "query?query=ASK%7B%7D", process)
    return running


def _wait_answers(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"{url} did not answer within {STARTUP_SECONDS} s")


#: The write token of the writable servers of the tests (16 characters at least).
TOKEN = "test-token-0123456789abcdef"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def start_writable(folder: Path, *args: str) -> tuple[Running, str]:
    """Serve the seed data in ``oxigraph:FOLDER/kg``, writable with TOKEN: the server and the store."""
    from seminargraph import load_graph
    from seminargraph.store import write_store

    store = f"oxigraph:{folder / 'kg'}"
    write_store(store, load_graph())
    token_file = folder / "token"
    token_file.write_text(TOKEN + "\n", "utf-8")
    return start_server("--store", store, "--write-token-file", str(token_file), *args), store


def count_triples(http: httpx.Client, url: str) -> int:
    """How many triples the server at ``url`` serves."""
    answer = http.get(
        url + "sparql", params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"}
    )
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])
