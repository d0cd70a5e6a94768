"""What every books screen shares: the BUMDes it works on, today's date in Jakarta, months, and
the mixin that checks the permission first (403) and then finds the books (404 outside them).

Staff work on their own BUMDes's books, always. Superusers choose a BUMDes: `?enterprise=<slug>`
on any books screen, remembered in the session; forms carry it as a hidden field so that two
tabs on two BUMDes never post to the wrong books.
"""

import datetime as dt

import django_filters
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from bumdes.admin.permissions import staff_enterprise
from bumdes.models import Enterprise
from core.formats import local_date
from core.localtime import business_date

SESSION_KEY = "books_enterprise"


def today(enterprise: Enterprise) -> dt.date:
    """The BUMDes's today, on its village's clock (never the staff member's own time zone)."""
    return business_date(timezone.now(), enterprise.zone)


def month_end(day: dt.date) -> dt.date:
    first_next = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def month_label(day: dt.date) -> str:
    return f"{MONTHS[day.month]} {day.year}"


def lock_text(enterprise: Enterprise) -> str:
    return local_date(enterprise.lock_date) if enterprise.lock_date else ""


def chosen_enterprise(request) -> Enterprise | None:
    """The BUMDes whose books the screen shows: the user's own; for superusers the one chosen."""
    user = request.user
    if not user.is_superuser:
        return staff_enterprise(user)
    slug = request.POST.get("enterprise") or request.GET.get("enterprise")
    if slug:
        enterprise = Enterprise.objects.filter(slug=slug).first()
        if enterprise is not None:
            request.session[SESSION_KEY] = enterprise.slug
        return enterprise
    slug = request.session.get(SESSION_KEY)
    return Enterprise.objects.filter(slug=slug).first() if slug else None


class BooksMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """A screen of one BUMDes's books. Subclasses set `model` and `permission_required`."""

    permission_required = "view"
    enterprise: Enterprise | None = None

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.enterprise = chosen_enterprise(request)
        if self.enterprise is None:
            if request.user.is_superuser:
                return self.choose_enterprise(request)
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def choose_enterprise(self, request):
        title = self.get_page_title()
        context = {
            "page_title": title,
            "header_title": title,
            "header_icon": self.get_header_icon(),
            "breadcrumbs_items": self.breadcrumbs_items + [{"url": "", "label": title}],
            "enterprises": Enterprise.objects.order_by("name"),
            "path": request.path,
        }
        return render(request, "bumdes/admin/choose_enterprise.html", context)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            {
                "enterprise": self.enterprise,
                "is_superuser": user.is_superuser,
                "other_enterprises": Enterprise.objects.exclude(pk=self.enterprise.pk).order_by(
                    "name"
                )
                if user.is_superuser
                else [],
            }
        )
        return context


def breadcrumbs(view, *items) -> list[dict]:
    """Home › items… › the view's title."""
    return view.breadcrumbs_items + [
        *({"url": url, "label": label} for url, label in items),
        {"url": "", "label": view.get_page_title()},
    ]


def journal_url(entry_id: int) -> str:
    return reverse("books_journal:inspect", args=[entry_id])


class EnterpriseFilterSet(WagtailFilterSet):
    """A listing's filters with a BUMDes choice that only superusers see: staff always work on
    their own books, so for them there is nothing to choose."""

    enterprise = django_filters.ModelChoiceFilter(
        label=gettext_lazy("BUMDes"), queryset=Enterprise.objects.order_by("name")
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None or not request.user.is_superuser:
            self.filters.pop("enterprise")
