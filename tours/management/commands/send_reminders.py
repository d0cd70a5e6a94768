from django.core.management.base import BaseCommand

from tours.notifications import reminders_send


class Command(BaseCommand):
    help = "E-mail a reminder to every guest whose experience is tomorrow (once per booking)."

    def handle(self, *args, **options):
        self.stdout.write(f"{reminders_send()} reminders queued")
