"""One departure's page: change capacity, close or reopen, assign the community members who
work it; cancel a departure (its guests are told and refunded in full); add an extra slot. Each
change is one service call.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from tours.admin.forms import (
    CapacityForm,
    DepartureCancelForm,
    ExtraDepartureForm,
    add_service_errors,
)
from tours.admin.permissions import user_tours
from tours.admin.shared import departure_label, departure_when, scoped_departures, show_error
from tours.booking.cancelling import departure_cancel
from tours.booking.community import departure_assign, departure_unassign, members_by_rotation
from tours.booking.departures import (
    departure_add_extra,
    departure_set_capacity,
    departure_set_status,
)
from tours.booking.errors import BookingError, BookingInvalid
from tours.models import BookingStatus, Departure, DepartureAssignment, DepartureStatus, TourShare
from tours.models.availability import departure_counts, departure_is_bookable


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
