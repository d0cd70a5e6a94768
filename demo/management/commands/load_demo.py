from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import demo_load, demo_season_load

DEFAULT_PASSWORD = "sindoro-sumbing"


class Command(BaseCommand):
    help = "Load the demo villages, BUMDes, experiences and staff users (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Password for the demo users.")
        parser.add_argument(
            "--no-season",
            action="store_true",
            help="Skip the past season of bookings and books (faster; for browser tests).",
        )

    def handle(self, *args, password=None, no_season=False, **options):
        if password is None and not settings.DEBUG:
            raise CommandError("With DEBUG off, give the demo users a password: --password P")
        summary = demo_load(
            password=password or DEFAULT_PASSWORD, set_passwords=password is not None
        )
        if not no_season:
            summary.created.extend(demo_season_load())
        for item in summary.created:
            self.stdout.write(f"created {item}")
        if not summary.created:
            self.stdout.write("demo already loaded; nothing to create")
        shown = password or DEFAULT_PASSWORD
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo logins (admin at /admin/):"))
        for username, what in summary.logins:
            self.stdout.write(
                f"  {username:<24} {shown if password is None else '(your password)'}  {what}"
            )
