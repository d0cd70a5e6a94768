"""A BUMDes and its staff made for a test, so that tests which change the books leave the demo's
BUMDes as the other tests expect them."""

from django.contrib.auth import get_user_model

from bumdes.models import Enterprise
from bumdes.services import enterprise_create, staff_assign


def make_enterprise(slug: str, prefix: str) -> Enterprise:
    return enterprise_create(
        slug=slug,
        name=f"BUMDes {slug.title()}",
        ref_prefix=prefix,
        village=slug.title(),
        legal_name=f"Badan Usaha Milik Desa {slug.title()}",
    )


def make_user(username: str, enterprise: Enterprise, *roles: str):
    user = get_user_model().objects.create_user(username=username, password="x")
    staff_assign(user=user, enterprise=enterprise, roles=roles)
    return user
