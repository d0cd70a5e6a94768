from django.core.management.base import BaseCommand

from tours.booking.holds import holds_expire


class Command(BaseCommand):
    help = "Mark held bookings whose hold ran out as expired (their places are already free)."

    def handle(self, *args, **options):
        self.stdout.write(f"{holds_expire()} holds expired")
