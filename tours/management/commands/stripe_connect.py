from django.core.management.base import BaseCommand, CommandError

from bumdes.models import Enterprise
from tours.payments.connect import (
    StripeConnectError,
    StripeNotConfigured,
    account_status_refresh,
    stripe_connect,
)
from tours.payments.stripe_api import stripe_configured


class Command(BaseCommand):
    help = (
        "Connect a BUMDes to a Stripe account that already exists (Stripe Connect), or with "
        "--refresh read its connected account's status from Stripe again."
    )

    def add_arguments(self, parser):
        parser.add_argument("enterprise", help="the BUMDes's short name (slug), e.g. lipursari")
        parser.add_argument("account_id", nargs="?", help="the Stripe account ID, acct_…")
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="read the connected account's status from Stripe (no ACCOUNT_ID needed)",
        )

    def handle(self, *args, enterprise, account_id, refresh, **options):
        found = Enterprise.objects.filter(slug=enterprise).first()
        if found is None:
            known = ", ".join(Enterprise.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No BUMDes “{enterprise}”. Known: {known or 'none'}.")
        if not stripe_configured():
            raise CommandError(str(StripeNotConfigured().message))
        if not refresh and not account_id:
            raise CommandError("Give the Stripe account ID (acct_…), or --refresh.")
        if refresh and account_id and account_id != found.stripe_account_id:
            raise CommandError("--refresh reads the account already connected; leave out the ID.")
        if refresh and not found.stripe_account_id:
            raise CommandError(f"{found.name} has no Stripe account connected yet.")
        try:
            if refresh:
                status = account_status_refresh(found)
            else:
                status = stripe_connect(found, account_id)
        except StripeConnectError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{found.name}: Stripe account {found.stripe_account_id} · {status.label} "
            f"(details submitted: {_yes(found.stripe_details_submitted)}, "
            f"charges: {_yes(found.stripe_charges_enabled)}, "
            f"payouts: {_yes(found.stripe_payouts_enabled)})"
        )
        if not found.offer_stripe:
            self.stdout.write(
                "Card payments are switched off in this BUMDes's payment methods (offer_stripe)."
            )


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
