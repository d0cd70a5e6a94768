"""Set up the database's owner role and the app role (`make db-roles`).

    DATABASE_URL=postgres://postgres@host/desawisata \
    DB_OWNER_PASSWORD=… DB_APP_PASSWORD=… manage.py setup_db_roles [--owner N] [--app N]

Runs as a superuser of the database named by the settings. Afterwards, run `migrate` with the
owner's DATABASE_URL and the app (gunicorn, db_worker, cron) with the app role's: that role cannot
truncate the books, alter their tables or switch their triggers off. Passwords come from the
environment, never the command line (which other users of the machine can see); a role left
without one can log in only where PostgreSQL trusts the connection (e.g. a local socket).
"""

import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from bumdes.database_roles import RoleSetupError, database_roles_setup


class Command(BaseCommand):
    help = "Create the owner and app roles of the database (see the module docstring)."

    def add_arguments(self, parser):
        parser.add_argument("--owner", default="desawisata_owner", help="the owner role's name")
        parser.add_argument("--app", default="desawisata_app", help="the app role's name")

    def handle(self, *args, owner, app, **options):
        try:
            with transaction.atomic():
                database_roles_setup(
                    connection=connection,
                    owner=owner,
                    app=app,
                    owner_password=os.environ.get("DB_OWNER_PASSWORD") or None,
                    app_password=os.environ.get("DB_APP_PASSWORD") or None,
                )
        except RoleSetupError as error:
            raise CommandError(str(error)) from None
        database = connection.settings_dict["NAME"]
        self.stdout.write(self.style.SUCCESS(f"{owner} owns {database}; {app} reads and writes."))
        self.stdout.write(f"Migrate as {owner}:  DATABASE_URL=postgres://{owner}:…@…/{database}")
        self.stdout.write(f"Run the app as {app}: DATABASE_URL=postgres://{app}:…@…/{database}")
