from django.core.management import call_command
from django.core.management.base import BaseCommand

from tours.booking.overdue import balances_overdue_handle
from tours.payments.refund_sending import refunds_send_pending


class Command(BaseCommand):
    help = (
        "Run every periodic job once: departures, holds, reminders, deliveries, overdue "
        "balances, card refunds still to send. Cron: every 5 min."
    )

    def handle(self, *args, **options):
        for name in ("generate_departures", "expire_holds", "send_reminders", "post_deliveries"):
            call_command(name, stdout=self.stdout)
        self.stdout.write(f"{balances_overdue_handle()} overdue balances handled")
        self.stdout.write(f"{refunds_send_pending()} card refunds sent")
