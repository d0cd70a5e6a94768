"""Restore a backup into an empty database and media folder (`make restore BACKUP=folder`).

    manage.py restore FOLDER [--database-url URL] [--media-root DIR] [--no-media]

The database is the settings' one unless --database-url names another; the media folder is
MEDIA_ROOT unless --media-root names another. Both must be empty: a restore builds a new site
next to the old one, never over it. See `bumdes.backups`.
"""

from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bumdes.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup folder into an empty database and media folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--database-url", help="the target database (default: the settings')")
        parser.add_argument("--media-root", type=Path, help="the target media folder")
        parser.add_argument("--no-media", action="store_true", help="restore the database only")

    def handle(self, *args, folder, database_url=None, media_root=None, no_media=False, **options):
        database = dj_database_url.parse(database_url) if database_url else connection.settings_dict
        media = None if no_media else (media_root or Path(settings.MEDIA_ROOT))
        try:
            backup_restore(folder=folder, database=database, media_root=media)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored {folder} into {database['NAME']}."))
