"""Telling each BUMDes that a hotel or agent applied to sell its experiences.

Staff read it in Indonesian (the admin's language): who applied, how to reach them, their
message, and where to approve them. Sent after the application is saved, to the BUMDes's
e-mail address when it has one.
"""

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.links import absolute_url
from tours.models import Partner


def application_notify(partner: Partner) -> None:
    """E-mail every BUMDes the partner asked to sell for (once the application is committed)."""
    agreements = list(partner.agreements.select_related("enterprise"))
    recipients = [a.enterprise.email for a in agreements if a.enterprise.email]
    if not recipients:
        return
    with translation.override("id"):
        subject = _("A new partner asks to sell your experiences: %(name)s") % {
            "name": partner.name
        }
        body = _(
            "%(name)s (%(kind)s) applied to sell your village's experiences.\n\n"
            "Contact: %(contact)s, %(email)s, %(phone)s\n"
            "Website: %(website)s\n\n%(message)s\n\n"
            "Approve or decline the agreement in the admin: %(admin)s"
        ) % {
            "name": partner.name,
            "kind": partner.get_kind_display(),
            "contact": partner.contact_name,
            "email": partner.email,
            "phone": partner.phone,
            "website": partner.website or "-",
            "message": partner.application_message,
            "admin": absolute_url(reverse("wagtailadmin_home")),
        }

    def send():
        for recipient in recipients:
            send_mail(subject, body, None, [recipient])

    transaction.on_commit(send)
