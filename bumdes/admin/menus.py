"""Menus of the admin: each role sees the menus of the screens it may use, and no more.

Wagtail's own menus are trimmed by role: the page reports and the help menu are for the people
who edit pages (editors and managers), Wagtail's release notes for superusers; operators and
treasurers keep their own menus only. Village staff hold page permissions on their village in
both languages, and the two language trees meet only at the tree's root, so Wagtail would open
the page explorer there, on two home pages: `own_pages_root` starts it at their village page in
the admin's language instead.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

# Other apps add screens to the "Books" menu by registering viewsets whose `menu_hook` is this
# (Wagtail's `submenu_hook` of a menu group): the books never import them.
BOOKS_MENU_HOOK = "register_books_menu_item"
# Reports about pages that only the people who build the site need.
DEVELOPER_REPORTS = {"page-types-usage"}
TRANSLATIONS_REPORT = "wagtail_localize:translations_report"


def permission_menu_item(model, action: str) -> type[MenuItem]:
    """A menu item shown to users with `action` permission on `model` (per its policy)."""

    def is_shown(item, request):
        return policy_registry.get_by_type(model).user_has_permission(request.user, action)

    return type(f"{model.__name__}{action.title()}MenuItem", (MenuItem,), {"is_shown": is_shown})


def own_pages_root(user) -> Page | None:
    """Where a staff member's pages start, in the admin's language (else the default one): the
    closest page above every page they may edit there. None for superusers and for staff who
    edit no pages."""
    if user.is_superuser:
        return None
    pages = policy_registry.get_by_type(Page).instances_with_direct_explore_permission(user)
    for locale in (Locale.get_active(), Locale.get_default()):
        own = [page for page in pages if page.locale_id == locale.pk]
        if own:
            return Page.objects.first_common_ancestor_of(own, include_self=True)
    return None


class OwnPagesExplorerMenuItem(MenuItem):
    """The "Pages" item, opening the explorer on `start_page`."""

    def __init__(self, *args, start_page: Page, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_page = start_page

    def render_component(self, request):
        return PageExplorerMenuItem(
            self.name,
            self.label,
            self.url,
            self.start_page.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


class OwnPagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count: the staff member's own pages, linking to them."""

    def get_context_data(self, parent_context):
        start = own_pages_root(self.request.user)
        if start is None:
            return super().get_context_data(parent_context)
        return {
            "root_page": start,
            "total_pages": Page.objects.descendant_of(start, inclusive=True).count(),
            "site_name": start.title,
        }


def main_menu_for_role(request, menu_items: list) -> None:
    """`construct_main_menu`: the page explorer starts on the user's own pages."""
    start = own_pages_root(request.user)
    if start is None:
        return
    for index, item in enumerate(menu_items):
        if item.name == "explorer":
            menu_items[index] = OwnPagesExplorerMenuItem(
                item.label,
                reverse("wagtailadmin_explore", args=[start.pk]),
                start_page=start,
                name=item.name,
                icon_name=item.icon_name,
                order=item.order,
            )


def reports_menu_for_role(request, menu_items: list) -> None:
    """`construct_reports_menu`: page reports for those who edit pages, in the admin's language."""
    user = request.user
    edits_pages = user_has_any_page_permission(user)
    kept = []
    for item in menu_items:
        if item.name in DEVELOPER_REPORTS and not user.is_superuser:
            continue
        if item.url == reverse(TRANSLATIONS_REPORT):
            if not edits_pages:
                continue
            # wagtail-localize labels (and names) this item once, in the language of the first
            # request the process served.
            item = MenuItem(
                gettext_lazy("Translations"),
                item.url,
                name="translations",
                icon_name=item.icon_name,
                order=item.order,
            )
        kept.append(item)
    menu_items[:] = kept


def help_menu_for_role(request, menu_items: list) -> None:
    """`construct_help_menu`: the editor's guide and shortcuts for those who edit pages; Wagtail's
    release notes for superusers. Wagtail hides the menu when nothing is left in it."""
    user = request.user
    if user.is_superuser:
        return
    if not user_has_any_page_permission(user):
        menu_items.clear()
        return
    menu_items[:] = [item for item in menu_items if not item.name.startswith("whats-new")]


def summary_items_for_role(request, summary_items: list) -> None:
    """`construct_homepage_summary_items`: count and link the user's own pages."""
    for index, item in enumerate(summary_items):
        if type(item) is PagesSummaryItem:
            summary_items[index] = OwnPagesSummaryItem(request)
