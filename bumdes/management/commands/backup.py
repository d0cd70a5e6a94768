"""Back up the database named by the settings and the media folder (`make backup`).

    manage.py backup [--dir DIR]

Writes `DIR/<UTC date-time>/database.dump` and `media.tar` (DIR defaults to BACKUP_DIR, itself
`backups/` by default) and prints the folder. See `bumdes.backups`.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bumdes.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and the media folder into a new folder of BACKUP_DIR."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, help="where to write (default: BACKUP_DIR)")

    def handle(self, *args, dir=None, **options):
        try:
            folder = backup_create(
                database=connection.settings_dict,
                media_root=Path(settings.MEDIA_ROOT),
                directory=dir or Path(settings.BACKUP_DIR),
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(folder))
