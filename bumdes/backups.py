"""Backups of the whole site: the PostgreSQL database and the media folder.

A backup is one folder, `<BACKUP_DIR>/<UTC date-time>/`, readable by its owner only (it holds
guests' personal data and the books), with two files:

- `database.dump`: `pg_dump` in its custom format (compressed; `pg_restore` loads the rows before
  it creates the indexes, constraints and triggers, so the guards of the books are back as they
  were without judging the rows they guarded);
- `media.tar`: the uploaded images and documents, paths relative to `MEDIA_ROOT`.

`backup_restore` loads a backup into an *empty* database and an empty media folder, never over
a live site: a restore is a new site that is checked, then pointed to. The database is restored
in one transaction without the old owner and grants; the role that runs the restore owns the
result (run it as the owner role, then `setup_db_roles` again for the app role's grants).
"""

import datetime as dt
import glob
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import psycopg2

DUMP = "database.dump"
MEDIA = "media.tar"


class BackupError(Exception):
    """A backup or a restore cannot go ahead."""


def _binary(name: str) -> str:
    """A PostgreSQL client program: on the PATH, else Debian's newest installed version."""
    found = shutil.which(name)
    if found is None:
        installed = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
        found = installed[-1] if installed else None
    if found is None:
        raise BackupError(f"PostgreSQL's {name} was not found; install the PostgreSQL client.")
    return found


def _libpq_env(database: dict) -> dict[str, str]:
    """The connection of a Django DATABASES entry as libpq's environment variables, so that
    no password shows in the process list."""
    if not database.get("ENGINE", "").endswith("postgresql"):
        raise BackupError("Backups are made of PostgreSQL databases only (DATABASE_URL).")
    variables = {
        "PGDATABASE": database.get("NAME"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGHOST": database.get("HOST"),
        "PGPORT": str(database.get("PORT") or ""),
        "PGSSLMODE": (database.get("OPTIONS") or {}).get("sslmode"),
    }
    return {**os.environ, **{key: value for key, value in variables.items() if value}}


def _run(command: list[str], database: dict) -> None:
    result = subprocess.run(
        command, env=_libpq_env(database), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def _folder_create(directory: Path, now: dt.datetime) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
    for suffix in ["", *(f"-{n}" for n in range(2, 100))]:
        folder = directory / f"{stamp}{suffix}"
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        return folder
    raise BackupError(f"Too many backups in {directory} at {stamp}.")


def backup_create(
    *, database: dict, media_root: Path, directory: Path, now: dt.datetime | None = None
) -> Path:
    """Dump the database and pack the media folder into a new folder of `directory`."""
    _libpq_env(database)
    folder = _folder_create(directory, now or dt.datetime.now(dt.UTC))
    _run(
        [_binary("pg_dump"), "--format=custom", "--no-password", f"--file={folder / DUMP}"],
        database,
    )
    with tarfile.open(folder / MEDIA, "w") as archive:
        if media_root.is_dir():
            for path in sorted(media_root.iterdir()):
                archive.add(path, arcname=path.name)
    for path in folder.iterdir():
        path.chmod(0o600)
    return folder


def _database_is_empty(database: dict) -> bool:
    environment = _libpq_env(database)
    with (
        psycopg2.connect(
            dbname=environment.get("PGDATABASE"),
            user=environment.get("PGUSER"),
            password=environment.get("PGPASSWORD"),
            host=environment.get("PGHOST"),
            port=environment.get("PGPORT"),
        ) as connection,
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "SELECT count(*) FROM pg_catalog.pg_class c"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"
        )
        tables = cursor.fetchone()[0]
    connection.close()
    return tables == 0


def backup_restore(*, folder: Path, database: dict, media_root: Path | None) -> None:
    """Load a backup folder into an empty database and (unless None) an empty media folder."""
    dump, media = folder / DUMP, folder / MEDIA
    if not dump.is_file() or not media.is_file():
        raise BackupError(f"{folder} is not a backup: it needs {DUMP} and {MEDIA}.")
    if not _database_is_empty(database):
        raise BackupError(
            f"The database {database.get('NAME')} has tables: restore into a new one."
        )
    if media_root is not None and media_root.is_dir() and any(media_root.iterdir()):
        raise BackupError(f"The media folder {media_root} is not empty.")
    _run(
        [
            _binary("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--no-password",
            f"--dbname={database.get('NAME')}",
            str(dump),
        ],
        database,
    )
    if media_root is not None:
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(media) as archive:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(media_root, filter="data")
