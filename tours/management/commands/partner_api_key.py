from django.core.management.base import BaseCommand, CommandError

from tours.models import Partner
from tours.partners.accounts import partner_is_active
from tours.partners.keys import api_key_create


class Command(BaseCommand):
    help = (
        "Create an API key for a partner and print it once (the last word of the last line); "
        "only its hash is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("partner", help="the partner's short name (slug), e.g. demo-hotel")
        parser.add_argument(
            "--name", required=True, help="what the key is for, e.g. 'booking engine'"
        )

    def handle(self, *args, partner, name, **options):
        found = Partner.objects.filter(slug=partner).first()
        if found is None:
            known = ", ".join(Partner.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No partner “{partner}”. Known: {known or 'none'}.")
        if not name.strip():
            raise CommandError("Give the key a name (--name), e.g. 'booking engine'.")
        key, raw = api_key_create(partner=found, name=name)
        if not partner_is_active(found):
            self.stderr.write(
                f"{found.name} has no active agreement with any BUMDes: the key works once "
                "one is approved."
            )
        self.stdout.write("Store it now: it is shown only this once.")
        self.stdout.write(f"Key for {found.name} ({key.name}): {raw}")
