from django.core.management.base import BaseCommand

from tours.booking.departures import DEFAULT_DAYS_AHEAD, departures_generate


class Command(BaseCommand):
    help = "Create the departures of the coming days from each tour's schedule rules."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS_AHEAD)

    def handle(self, *args, days, **options):
        created = departures_generate(days=days)
        self.stdout.write(f"{created} departures created for the next {days} days")
