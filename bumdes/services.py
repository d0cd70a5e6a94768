"""Services for enterprises and staff scoping.

Creating an enterprise creates its default chart of accounts, its four staff groups (editor,
operator, treasurer, manager), a Wagtail collection for its images and documents, and the
collection permissions of its editors.
Page permissions are granted on the enterprise's village pages (one per language) once those pages
exist; `enterprise_grant_page_permissions` is idempotent and is called whenever a village page is
created, published or translated.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.users.models import UserProfile

from bumdes import chart
from bumdes.models import Account, BusinessUnit, Enterprise, EnterpriseRole, Role

PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    Role.EDITOR: ("add_page", "change_page", "publish_page"),
    Role.MANAGER: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
COLLECTION_ROLES = (Role.EDITOR, Role.MANAGER)
# Model permissions per role, by app label and codename (bumdes does not import tours models).
# Which rows a user may see is narrowed to their own enterprise by every screen's queryset.
_OPERATOR = (
    ("tours", "view_departure"),
    ("tours", "add_departure"),
    ("tours", "change_departure"),
    ("tours", "view_booking"),
    ("tours", "add_booking"),
    ("tours", "change_booking"),
)
# Community members: operators keep the list and assign them to departures.
_COMMUNITY = (
    ("bumdes", "view_counterparty"),
    ("bumdes", "add_counterparty"),
    ("bumdes", "change_counterparty"),
)
# The books: the journal (reversals and payments post entries), manual entries (propose; change
# is approve or reject), and the lock date (lock, reopen, close a year).
_BOOKS = (
    ("bumdes", "view_journalentry"),
    ("bumdes", "add_journalentry"),
    ("bumdes", "view_manualentry"),
    ("bumdes", "add_manualentry"),
    ("bumdes", "change_manualentry"),
    ("bumdes", "view_counterparty"),
    ("bumdes", "view_lockdatechange"),
    ("bumdes", "add_lockdatechange"),
)
MODEL_PERMISSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    Role.EDITOR: (),
    Role.OPERATOR: _OPERATOR + _COMMUNITY,
    Role.TREASURER: (("tours", "view_departure"), ("tours", "view_booking")) + _BOOKS,
    Role.MANAGER: _OPERATOR + _COMMUNITY + _BOOKS,
}


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def chart_create(*, enterprise: Enterprise) -> int:
    """Create the default chart of accounts for an enterprise (missing accounts only)."""
    existing = set(enterprise.accounts.values_list("code", flat=True))
    accounts = [
        Account(
            enterprise=enterprise,
            code=code,
            name=name,
            name_en=name_en,
            kind=kind,
            is_header=chart.is_header(code),
        )
        for code, name, name_en, kind in chart.DEFAULT_CHART
        if code not in existing
    ]
    Account.objects.bulk_create(accounts)
    return len(accounts)


@transaction.atomic
def enterprise_create(*, slug: str, name: str, ref_prefix: str, **fields) -> Enterprise:
    """Create an enterprise with its groups and collection (see `enterprise_setup`)."""
    units = fields.pop("units", None) or [("wisata", "Unit Wisata")]
    enterprise = Enterprise.objects.create(slug=slug, name=name, ref_prefix=ref_prefix, **fields)
    for unit_slug, unit_name in units:
        BusinessUnit.objects.create(enterprise=enterprise, slug=unit_slug, name=unit_name)
    enterprise_setup(enterprise=enterprise)
    return enterprise


@transaction.atomic
def enterprise_setup(*, enterprise: Enterprise) -> None:
    """Make sure the enterprise's groups, collection, permissions and chart of accounts exist.
    Safe to call again."""
    chart_create(enterprise=enterprise)
    access_admin = _permission("wagtailadmin", "access_admin")
    for role in Role:
        enterprise_role = EnterpriseRole.objects.filter(enterprise=enterprise, role=role).first()
        if enterprise_role is None:
            group, _ = Group.objects.get_or_create(name=f"{enterprise.name} · {role.label}")
            EnterpriseRole.objects.create(enterprise=enterprise, role=role, group=group)
        else:
            group = enterprise_role.group
        group.permissions.add(access_admin)
        group.permissions.add(*[_permission(app, code) for app, code in MODEL_PERMISSIONS[role]])

    if enterprise.collection_id is None:
        root = Collection.get_first_root_node()
        enterprise.collection = root.add_child(name=enterprise.name)
        enterprise.save(update_fields=["collection"])
    permissions = [_permission(app, codename) for app, codename in COLLECTION_PERMISSIONS]
    for role in COLLECTION_ROLES:
        group = enterprise_group(enterprise=enterprise, role=role)
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=enterprise.collection, permission=permission
            )


def enterprise_grant_page_permissions(*, enterprise: Enterprise, page: Page) -> None:
    """Give the enterprise's editors and managers their permissions on one village page."""
    for role, codenames in PAGE_PERMISSIONS.items():
        group = enterprise_group(enterprise=enterprise, role=role)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission("wagtailcore", codename)
            )


def enterprise_group(*, enterprise: Enterprise, role: str) -> Group:
    return (
        EnterpriseRole.objects.select_related("group").get(enterprise=enterprise, role=role).group
    )


@transaction.atomic
def staff_assign(*, user, enterprise: Enterprise, roles: Iterable[str]) -> None:
    """Put a user in the given roles of one enterprise. A user works for one enterprise only."""
    roles = set(roles)
    other = EnterpriseRole.objects.filter(group__user=user).exclude(enterprise=enterprise)
    if other.exists():
        raise ValueError(f"{user} already works for another BUMDes.")
    for enterprise_role in EnterpriseRole.objects.filter(enterprise=enterprise):
        if enterprise_role.role in roles:
            user.groups.add(enterprise_role.group)
        else:
            user.groups.remove(enterprise_role.group)
    staff_language_set(user=user)


def staff_language_set(*, user) -> None:
    """Set a staff member's admin language to the platform's (Indonesian), shown as chosen in
    their account settings, unless they already chose one there."""
    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = settings.LANGUAGE_CODE
        profile.save(update_fields=["preferred_language"])


def user_enterprise(user) -> Enterprise | None:
    """The enterprise a staff member works for, or None (superusers and outsiders)."""
    if not user.is_authenticated:
        return None
    role = EnterpriseRole.objects.filter(group__user=user).select_related("enterprise").first()
    return role.enterprise if role else None


def user_roles(user, enterprise: Enterprise) -> set[str]:
    return set(
        EnterpriseRole.objects.filter(group__user=user, enterprise=enterprise).values_list(
            "role", flat=True
        )
    )
