from django.core.management.base import BaseCommand

from tours.booking.notifications import balance_reminders_send, reminders_send


class Command(BaseCommand):
    help = (
        "E-mail a reminder to every guest whose experience is tomorrow, and the payment link to "
        "every group whose balance is due in a few days (once per booking)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{reminders_send()} reminders queued")
        self.stdout.write(f"{balance_reminders_send()} balance reminders queued")
