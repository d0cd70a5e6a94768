"""A throwaway PostgreSQL server for the test run, started from the local PostgreSQL binaries.

`initdb` and `pg_ctl` refuse to run as root, so as root they run as the `postgres` user in a
temporary directory owned by it. The server listens on a free loopback port with durability
switched off (fsync, full page writes): it lives only as long as the test run.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not candidates:
        raise RuntimeError(f"PostgreSQL's {name} was not found; install PostgreSQL (see README).")
    return candidates[-1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class TempPostgres:
    directory: Path
    port: int
    user: str

    @property
    def settings(self) -> dict:
        return {"HOST": "127.0.0.1", "PORT": str(self.port), "USER": self.user, "PASSWORD": ""}

    def _run(self, *args: str) -> None:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    @classmethod
    def start(cls) -> "TempPostgres":
        as_root = os.geteuid() == 0
        user = "postgres" if as_root else pwd.getpwuid(os.geteuid()).pw_name
        directory = Path(tempfile.mkdtemp(prefix="desawisata-pg-"))
        if as_root:
            entry = pwd.getpwnam(user)
            os.chown(directory, entry.pw_uid, entry.pw_gid)
        server = cls(directory=directory, port=_free_port(), user=user)
        data = directory / "data"
        server._run(
            _binary("initdb"),
            "-D",
            str(data),
            "-U",
            user,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={server.port} "
            f"-c unix_socket_directories={directory} -c fsync=off -c full_page_writes=off "
            "-c synchronous_commit=off -c max_connections=200"
        )
        server._run(
            _binary("pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(directory / "log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        return server

    def stop(self) -> None:
        try:
            self._run(
                _binary("pg_ctl"), "-D", str(self.directory / "data"), "-m", "fast", "-w", "stop"
            )
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)
