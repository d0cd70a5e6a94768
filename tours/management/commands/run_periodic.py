from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Run every periodic job once: departures, holds, reminders, deliveries. Cron: every 5 min."
    )

    def handle(self, *args, **options):
        for name in ("generate_departures", "expire_holds", "send_reminders", "post_deliveries"):
            call_command(name, stdout=self.stdout)
