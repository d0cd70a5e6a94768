"""Departures in the admin: the list with live counts, one departure's page, extra slots.

Counts (places taken, bookings, guests checked in) come from `departure_counts` in one query for
the whole page. Changing capacity, closing, reopening, cancelling and adding an extra slot are
each one service call; a refusal (capacity below the places taken, a cancelled departure) is
shown as an admin message and changes nothing.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from bumdes.admin.permissions import ServiceOnlyViewSetMixin
from core.localtime import local_days_filter, today_in

from ..availability import departure_counts, departure_is_bookable
from ..community import departure_assign, departure_unassign, members_by_rotation
from ..errors import BookingError, BookingInvalid
from ..models import BookingStatus, Departure, DepartureAssignment, DepartureStatus, TourShare
from ..services.bookings import departure_cancel
from ..services.departures import (
    departure_add_extra,
    departure_set_capacity,
    departure_set_status,
)
from .bookings import departure_when, short_when, show_error
from .forms import CapacityForm, DepartureCancelForm, ExtraDepartureForm, add_service_errors
from .permissions import scoped, user_tours

# Community members on a departure ----------------------------------------------------------------


def assignment_sections(departure: Departure, *, open_for_changes: bool) -> list[dict]:
    """Per role of the tour's community shares: who is assigned, and who to assign next in
    rotation order (fewest assignments this month first; the first one is the suggestion).
    Assignments under a role the tour no longer shares come last, so they can be removed."""
    shares = list(TourShare.objects.filter(page_id=departure.tour_id).order_by("pk"))
    assigned: dict[str, list[DepartureAssignment]] = {}
    for assignment in departure.assignments.select_related("member").order_by("pk"):
        assigned.setdefault(assignment.role.strip().lower(), []).append(assignment)
    sections = []
    for share in shares:
        key = share.role.strip().lower()
        here = assigned.pop(key, [])
        options = []
        if open_for_changes:
            taken = {a.member_id for a in here}
            candidates = members_by_rotation(departure=departure, role=share.role)
            for member in (m for m in candidates if m.pk not in taken):
                options.append(
                    {
                        "member": member,
                        "this_month": member.this_month,
                        "other_role": member.role.strip().lower() != key,
                        "suggested": not options,
                    }
                )
        sections.append(
            {"role": share.role, "percent": share.percent, "assigned": here, "options": options}
        )
    for role_assignments in assigned.values():
        role = role_assignments[0].role
        sections.append(
            {"role": role, "percent": None, "assigned": role_assignments, "options": []}
        )
    return sections


def from_today() -> Q:
    """Departures from today on, today being each village's own date."""
    return local_days_filter("starts_at", "enterprise__time_zone", first=today_in(timezone.now()))


def scoped_departures(user):
    return scoped(Departure.objects.all(), user).select_related("tour", "enterprise")


def departure_label(departure) -> str:
    title = departure.tour.title
    return f"{title} ({_('extra slot')})" if departure.is_extra else title


class LinkColumn(Column):
    """A small secondary button in a cell, e.g. the manifest of each departure."""

    cell_template_name = "tours/admin/cells/link_cell.html"

    def __init__(self, name, url, text, **kwargs):
        super().__init__(name, **kwargs)
        self.url = url
        self.text = text

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update({"url": self.url(instance), "text": self.text})
        return context


# The list ---------------------------------------------------------------------------------------


class DepartureFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=gettext_lazy("When"),
        choices=[("past", gettext_lazy("Before today")), ("all", gettext_lazy("All dates"))],
        empty_label=gettext_lazy("From today"),
        method="filter_period",
        widget=forms.RadioSelect,
    )
    date = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"), method="filter_date", widget=DateRangePickerWidget
    )
    tour = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Experience"),
        field_name="tour",
        queryset=lambda request: user_tours(request.user),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=DepartureStatus.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Departure
        fields = []

    def filter_period(self, queryset, name, value):
        if value == "past":
            return queryset.exclude(from_today())
        return queryset

    def filter_date(self, queryset, name, value):
        first = value.start.date() if value.start else None
        last = value.stop.date() if value.stop else None
        if first is None and last is None:
            return queryset
        return queryset.filter(
            local_days_filter("starts_at", "enterprise__time_zone", first=first, last=last)
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        if not data.get("period") and not data.get("date"):
            # By default staff see what is ahead of them, starting today.
            queryset = queryset.filter(from_today())
        return queryset


class DepartureIndexView(generic.IndexView):
    filterset_class = DepartureFilterSet
    default_ordering = "starts_at"

    def get_base_queryset(self):
        return departure_counts(scoped_departures(self.request.user), now=timezone.now())

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.filters is None or not self.filters.is_valid():
            queryset = queryset.filter(from_today())
        return queryset

    @cached_property
    def add_item_label(self):
        return _("Add an extra slot")

    @cached_property
    def columns(self):
        can_change = self.user_has_permission("change")

        def url(departure):
            if can_change:
                return reverse("departures:edit", args=[departure.pk])
            return reverse("departures:manifest", args=[departure.pk])

        return [
            TitleColumn(
                "starts_at",
                label=_("Date and time"),
                accessor=lambda d: short_when(d.starts_at, d.zone),
                get_url=url,
                sort_key="starts_at",
            ),
            Column("tour", label=_("Experience"), accessor=departure_label, sort_key="tour__title"),
            Column(
                "booked",
                label=_("Booked / places"),
                accessor=lambda d: f"{d.seats_taken} / {d.capacity}",
            ),
            Column("checked_in", label=_("Checked in"), accessor=lambda d: d.checked_in or 0),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda d: d.status == DepartureStatus.OPEN,
            ),
            LinkColumn(
                "manifest",
                label=_("Manifest"),
                url=lambda d: reverse("departures:manifest", args=[d.pk]),
                text=_("Manifest"),
            ),
        ]


# One departure ----------------------------------------------------------------------------------


class DepartureMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    """One departure of the user's own BUMDes (403 without the permission, else 404 outside)."""

    model = Departure
    permission_required = "change"
    header_icon = "calendar-alt"

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.object = self.get_object(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, pk):
        queryset = departure_counts(scoped_departures(self.request.user), now=timezone.now())
        return get_object_or_404(queryset, pk=pk)

    def edit_url(self):
        return reverse("departures:edit", args=[self.object.pk])

    def get_page_subtitle(self):
        return f"{self.object.tour.title}, {departure_when(self.object)}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("departures:index"), "label": _("Departures")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


class DepartureEditView(DepartureMixin, TemplateView):
    """Change capacity, close or reopen, and the way to cancel, beside the live counts."""

    template_name = "tours/admin/departure_edit.html"
    page_title = gettext_lazy("Departure")

    def get_context_data(self, capacity_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        departure = self.object
        now = timezone.now()
        cancelled = departure.status == DepartureStatus.CANCELLED
        context.update(
            {
                "departure": departure,
                "when": departure_when(departure),
                "label": departure_label(departure),
                "capacity_form": capacity_form
                or CapacityForm(initial={"capacity": departure.capacity}),
                "cancelled": cancelled,
                "started": departure.starts_at <= now,
                "is_open": departure.status == DepartureStatus.OPEN,
                "status_class": "w-status--primary"
                if departure.status == DepartureStatus.OPEN
                else "",
                "left": max(departure.capacity - departure.seats_taken, 0),
                "held": departure.bookings.filter(status=BookingStatus.HELD).count(),
                "manifest_url": reverse("departures:manifest", args=[departure.pk]),
                "cancel_url": reverse("departures:cancel", args=[departure.pk]),
                "book_url": reverse("bookings:add_for", args=[departure.pk])
                if departure_is_bookable(departure, now=now)
                else "",
                "bookings_url": reverse("bookings:index")
                + "?date_from={0}&date_to={0}&tour={1}".format(
                    departure.local_date.isoformat(),
                    departure.tour_id,
                ),
                "delivered": departure.delivered_at is not None,
                "assignments": assignment_sections(
                    departure,
                    open_for_changes=departure.delivered_at is None and not cancelled,
                ),
            }
        )
        return context

    def assign(self, request) -> None:
        departure = self.object
        role = request.POST.get("role", "")
        raw = request.POST.get("member") or ""
        members = departure.enterprise.counterparties.filter(kind="community", is_active=True)
        member = members.filter(pk=raw).first() if raw.isdigit() else None
        if member is None:
            messages.error(request, _("Choose a community member."))
            return
        if role.strip().lower() not in {r.strip().lower() for r in self.share_roles()}:
            messages.error(request, _("This experience has no such role."))
            return
        try:
            departure_assign(departure=departure, member=member, role=role)
        except BookingError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("%(name)s is assigned as %(role)s.") % {"name": member.name, "role": role},
            )

    def unassign(self, request) -> None:
        raw = request.POST.get("assignment") or ""
        assignment = (
            DepartureAssignment.objects.select_related("member", "departure")
            .filter(departure=self.object, pk=raw)
            .first()
            if raw.isdigit()
            else None
        )
        if assignment is None:
            messages.error(request, _("This assignment is gone already."))
            return
        try:
            departure_unassign(assignment=assignment)
        except BookingError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("%(name)s is no longer assigned as %(role)s.")
                % {"name": assignment.member.name, "role": assignment.role},
            )

    def share_roles(self) -> list[str]:
        return list(
            TourShare.objects.filter(page_id=self.object.tour_id).values_list("role", flat=True)
        )

    def post(self, request, pk):
        action = request.POST.get("action")
        if action == "capacity":
            form = CapacityForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(capacity_form=form))
            try:
                departure_set_capacity(
                    departure=self.object, capacity=form.cleaned_data["capacity"]
                )
            except BookingInvalid as error:
                add_service_errors(form, error, {"capacity": "capacity"})
                messages.error(request, _("The number of places was not changed."))
                return self.render_to_response(self.get_context_data(capacity_form=form))
            messages.success(
                request,
                _("This departure now has %(n)d places.") % {"n": form.cleaned_data["capacity"]},
            )
        elif action == "assign":
            self.assign(request)
            return redirect(self.edit_url() + "#departure-community-section")
        elif action == "unassign":
            self.unassign(request)
            return redirect(self.edit_url() + "#departure-community-section")
        elif action in ("close", "open"):
            status = DepartureStatus.CLOSED if action == "close" else DepartureStatus.OPEN
            try:
                departure_set_status(departure=self.object, status=status)
            except BookingError as error:
                show_error(request, error)
            else:
                if status == DepartureStatus.CLOSED:
                    messages.success(request, _("Closed: no new bookings for this departure."))
                else:
                    messages.success(request, _("Open again for bookings."))
        return redirect(self.edit_url())


class DepartureCancelView(DepartureMixin, FormView):
    """The village cancels a departure: every guest is told by e-mail and fully refunded."""

    template_name = "tours/admin/departure_cancel.html"
    form_class = DepartureCancelForm
    page_title = gettext_lazy("Cancel departure")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        departure = self.object
        context.update(
            {
                "departure": departure,
                "when": departure_when(departure),
                "label": departure_label(departure),
                "edit_url": self.edit_url(),
                "cancelled": departure.status == DepartureStatus.CANCELLED,
                "active": departure.bookings.filter(
                    status__in=(BookingStatus.HELD, BookingStatus.CONFIRMED)
                ).count(),
            }
        )
        return context

    def form_valid(self, form):
        try:
            cancelled = departure_cancel(
                departure=self.object, reason=form.cleaned_data["reason"], user=self.request.user
            )
        except BookingInvalid as error:
            add_service_errors(form, error, {"reason": "reason"})
            return self.form_invalid(form)
        except BookingError as error:
            show_error(self.request, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            ngettext(
                "The departure is cancelled; %(n)d booking was cancelled and its guest told.",
                "The departure is cancelled; %(n)d bookings were cancelled and their guests told.",
                len(cancelled),
            )
            % {"n": len(cancelled)},
        )
        return redirect(self.edit_url())


class ExtraDepartureView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """An extra slot outside the schedule, for one of the user's own experiences."""

    model = Departure
    permission_required = "add"
    template_name = "tours/admin/departure_add.html"
    form_class = ExtraDepartureForm
    page_title = gettext_lazy("Add an extra slot")
    header_icon = "plus"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("departures:index"), "label": _("Departures")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "tours": user_tours(self.request.user)}

    def get_initial(self):
        return {"tour": self.request.GET.get("tour"), "date": self.request.GET.get("date")}

    def form_valid(self, form):
        try:
            departure = departure_add_extra(
                tour=form.cleaned_data["tour"],
                starts_at=form.starts_at,
                capacity=form.cleaned_data["capacity"],
            )
        except BookingInvalid as error:
            add_service_errors(
                form, error, {"starts_at": "time", "capacity": "capacity", "tour": "tour"}
            )
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Extra slot added: %(when)s.") % {"when": departure_when(departure)},
        )
        return redirect(reverse("departures:edit", args=[departure.pk]))


# The viewset ------------------------------------------------------------------------------------


class DepartureViewSet(ServiceOnlyViewSetMixin, ModelViewSet):
    # Departures change through services on their own page, never through a model form.
    model = Departure
    name = "departures"
    icon = "calendar-alt"
    menu_label = gettext_lazy("Departures")
    menu_name = "departures"
    index_view_class = DepartureIndexView
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 40

    def get_urlpatterns(self):
        from .manifest import DayManifestView, ManifestView

        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", ExtraDepartureView.as_view(), name="add"),
            path("edit/<int:pk>/", DepartureEditView.as_view(), name="edit"),
            path("cancel/<int:pk>/", DepartureCancelView.as_view(), name="cancel"),
            path("manifest/<int:pk>/", ManifestView.as_view(), name="manifest"),
            path("manifest/day/", DayManifestView.as_view(), name="day_manifest"),
        ]
