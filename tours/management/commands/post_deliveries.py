from django.core.management.base import BaseCommand

from tours.booking.books import deliveries_post


class Command(BaseCommand):
    help = "Recognise revenue (and community shares) for departures that have taken place."

    def handle(self, *args, **options):
        self.stdout.write(f"{deliveries_post()} bookings posted as delivered")
