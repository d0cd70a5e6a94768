"""Admin for enterprises (platform administrators create them; creating one sets up its staff),
the "Books" menu of the treasurer's screens, the community members, and what each staff role
sees around its screens (menus, the dashboard's page count, the admin's language).

The permission policies are registered first, before any viewset asks for a fallback policy.
"""

from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from bumdes.admin import menus, tenancy, two_factor
from bumdes.admin.menus import BOOKS_MENU_HOOK
from bumdes.admin.permissions import EnterprisePermissionPolicy
from bumdes.models import Counterparty, Enterprise, JournalEntry, LockDateChange, ManualEntry
from bumdes.services import enterprise_setup, staff_language_set

register_permission_policy(JournalEntry, EnterprisePermissionPolicy(JournalEntry))
register_permission_policy(ManualEntry, EnterprisePermissionPolicy(ManualEntry))
register_permission_policy(Counterparty, EnterprisePermissionPolicy(Counterparty))
register_permission_policy(LockDateChange, EnterprisePermissionPolicy(LockDateChange))

from bumdes.admin.community import CommunityViewSet  # noqa: E402
from bumdes.admin.journal import JournalViewSet  # noqa: E402
from bumdes.admin.ledger import AccountLedgerViewSet  # noqa: E402
from bumdes.admin.manual_entries import ManualEntryViewSet  # noqa: E402
from bumdes.admin.payments import PaymentsViewSet  # noqa: E402
from bumdes.admin.periods import PeriodsViewSet  # noqa: E402
from bumdes.admin.reports import ReportsViewSet  # noqa: E402


class EnterpriseViewSet(SnippetViewSet):
    model = Enterprise
    icon = "group"
    menu_label = _("BUMDes")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "village", "ref_prefix", "phone"]
    search_fields = ["name", "legal_name", "village"]


register_snippet(EnterpriseViewSet)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path(
            "two-factor/",
            two_factor.TwoFactorSetupView.as_view(),
            name="two_factor_setup",
        ),
        path(
            "two-factor/verify/",
            two_factor.TwoFactorVerifyView.as_view(),
            name="two_factor_verify",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Two-step sign-in"),
        "help_text": _("A code from an app on your phone each time you log in."),
    }


@hooks.register("after_create_snippet")
def setup_new_enterprise(request, instance):
    if isinstance(instance, Enterprise):
        enterprise_setup(enterprise=instance)


class BooksMenu(ViewSetGroup):
    menu_label = _("Books")
    menu_name = "books-menu"
    menu_icon = "folder-open-inverse"
    menu_order = 170
    items = (
        ReportsViewSet,
        JournalViewSet,
        ManualEntryViewSet,
        AccountLedgerViewSet,
        PaymentsViewSet,
        PeriodsViewSet,
    )
    # The sales side adds its screens for the BUMDes's money (payment methods, Stripe).
    submenu_hook = BOOKS_MENU_HOOK


@hooks.register("register_admin_viewset")
def register_books_menu():
    return BooksMenu()


@hooks.register("register_admin_viewset")
def register_community_members():
    return CommunityViewSet()


@hooks.register("register_log_actions")
def register_manual_entry_actions(actions):
    actions.register_action(
        "bumdes.manual_entry.propose", _("Propose entry"), _("Manual entry proposed")
    )
    actions.register_action(
        "bumdes.manual_entry.approve", _("Approve entry"), _("Manual entry approved and posted")
    )
    actions.register_action(
        "bumdes.manual_entry.reject", _("Reject entry"), _("Manual entry rejected")
    )


@hooks.register("register_permissions")
def register_lock_permissions():
    """Lock and reopen periods: shown in the group editor beside the other permissions."""
    return Permission.objects.filter(
        content_type__app_label="bumdes", codename__in=["view_lockdatechange", "add_lockdatechange"]
    )


@hooks.register("insert_global_admin_css")
def books_css():
    return format_html('<link rel="stylesheet" href="{}">', static("bumdes/admin/books.css"))


@hooks.register("after_create_user")
def new_users_speak_indonesian(request, user):
    staff_language_set(user=user)


# Another BUMDes's pages, images and documents stay out of reach (after Wagtail's own endpoints).
hooks.register("construct_admin_api", tenancy.admin_api_scoped, order=100)
hooks.register("construct_page_chooser_queryset", tenancy.chooser_pages)
hooks.register("before_serve_document", tenancy.document_serve_check)

hooks.register("construct_main_menu", menus.main_menu_for_role)
hooks.register("construct_reports_menu", menus.reports_menu_for_role)
hooks.register("construct_help_menu", menus.help_menu_for_role)
# After Wagtail has added its own summary items.
hooks.register("construct_homepage_summary_items", menus.summary_items_for_role, order=100)
