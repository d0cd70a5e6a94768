"""Refunds in the admin, from the booking's detail page: give money back, record a cash or bank
refund as paid, send a card refund (again) through Stripe.

Treasurers and managers only (the books' "add" permission: 403 for everyone else), and only on
their own BUMDes's bookings (404 for any other). Every change is one service call
(`tours.payments.refunds`, `tours.payments.refund_sending`,
`tours.booking.books.refund_mark_paid`).

The refund form offers the amount the tour's cancellation policy gives today, or another amount
with a reason; never more than was paid less what was refunded already. The form carries a key
made when it is opened, so a double tap on a slow connection makes one refund.
"""

from uuid import uuid4

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.viewsets.base import ViewSet

from bumdes.admin.base import BooksMixin, breadcrumbs
from bumdes.admin.forms import RupiahField
from bumdes.admin.permissions import scoped
from bumdes.models import JournalEntry
from core.formats import rupiah
from tours.admin.shared import departure_when
from tours.booking.balances import booking_paid_amount, refunds_total
from tours.booking.books import refund_mark_paid
from tours.booking.errors import BookingError, BookingInvalid
from tours.models import Booking, PaymentMethod, Refund
from tours.payments.refund_sending import refund_send
from tours.payments.refunds import refund_create, refund_policy_quote, refund_too_much_message

SESSION_KEYS = "refund_form_keys"


def inspect_url(booking: Booking) -> str:
    return reverse("bookings:inspect", args=[booking.pk])


class RefundForm(forms.Form):
    amount = RupiahField(label=gettext_lazy("Amount to give back (Rp)"))
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        max_length=255,
        help_text=gettext_lazy(
            "Needed for any amount other than the policy's. Written in the booking's history."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    key = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args, policy_amount: int, paid: int, refunded: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy_amount = policy_amount
        self.paid = paid
        self.refunded = refunded

    def clean(self):
        data = super().clean()
        amount = data.get("amount")
        if amount is None:
            return data
        if amount > self.paid - self.refunded:
            self.add_error(
                "amount", refund_too_much_message(paid=self.paid, refunded=self.refunded)
            )
        elif amount != self.policy_amount and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the guest gets this amount back."))
        return data


class RefundMixin(BooksMixin):
    """A refund screen: the books' "add" permission first (403), then the row in the user's
    own BUMDes (404)."""

    model = JournalEntry
    permission_required = "add"

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.booking = self.find_booking(request, kwargs["pk"])
        self.enterprise = self.booking.enterprise
        return super(BooksMixin, self).dispatch(request, *args, **kwargs)

    def find_booking(self, request, pk) -> Booking:
        return get_object_or_404(
            scoped(Booking.objects.select_related("enterprise", "departure__tour"), request.user),
            pk=pk,
        )


class RefundCreateView(RefundMixin, FormView):
    template_name = "tours/admin/refund_form.html"
    form_class = RefundForm
    page_title = gettext_lazy("Refund")
    header_icon = "arrow-left"

    def get_page_subtitle(self):
        return self.booking.reference

    def get_breadcrumbs_items(self):
        return breadcrumbs(
            self,
            (reverse("bookings:index"), _("Bookings")),
            (inspect_url(self.booking), self.booking.reference),
        )

    def amounts(self) -> dict:
        if not hasattr(self, "_amounts"):
            now = timezone.now()
            booking = self.booking
            paid = booking_paid_amount(booking)
            refunded = refunds_total(booking)
            quote = refund_policy_quote(booking, now=now)
            policy = quote.amount if quote is not None else 0
            self._amounts = {
                "paid": paid,
                "refunded": refunded,
                "left": max(0, paid - refunded),
                "policy": policy,
                "policy_percent": quote.percent if policy else None,
            }
        return self._amounts

    def get_form_kwargs(self):
        amounts = self.amounts()
        return {
            **super().get_form_kwargs(),
            "policy_amount": amounts["policy"],
            "paid": amounts["paid"],
            "refunded": amounts["refunded"],
        }

    def get_initial(self):
        return {"amount": self.amounts()["policy"] or "", "key": uuid4().hex[:12]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        booking = self.booking
        amounts = self.amounts()
        context.update(
            {
                "booking": booking,
                "when": departure_when(booking.departure),
                "total": rupiah(booking.total),
                "paid": rupiah(amounts["paid"]),
                "refunded": rupiah(amounts["refunded"]),
                "left": rupiah(amounts["left"]),
                "nothing_left": amounts["left"] <= 0,
                "policy": rupiah(amounts["policy"]) if amounts["policy"] else "",
                "policy_percent": amounts["policy_percent"],
                "policy_text": booking.departure.tour.cancellation_policy_text(),
                "by_card": PaymentMethod.STRIPE
                in set(booking.payments.values_list("method", flat=True)),
                "back_url": inspect_url(booking),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        used = request.session.get(SESSION_KEYS, [])
        if request.POST.get("key") and request.POST["key"] in used:
            # The same form sent twice (a double tap): the refund is made already.
            messages.info(request, _("This refund is recorded already."))
            return redirect(inspect_url(self.booking))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        amount = data["amount"]
        reason = (data.get("reason") or "").strip()
        policy = self.amounts()["policy"]
        if not reason and amount == policy:
            reason = _("Cancellation policy: %(percent)d%% of what was paid") % {
                "percent": self.amounts()["policy_percent"] or 0
            }
        try:
            refund = refund_create(
                booking=self.booking, amount=amount, reason=reason, user=self.request.user
            )
        except BookingInvalid as error:
            for field, message in error.errors.items():
                form.add_error(field if field in form.fields else None, message)
            return self.form_invalid(form)
        except BookingError as error:
            form.add_error(None, str(error.message))
            return self.form_invalid(form)
        used = self.request.session.get(SESSION_KEYS, [])
        self.request.session[SESSION_KEYS] = [*used[-19:], data["key"]]
        values = {"amount": rupiah(refund.amount), "reference": self.booking.reference}
        if refund.method == PaymentMethod.STRIPE:
            messages.success(
                self.request,
                _(
                    "Refund of %(amount)s for %(reference)s is going back to the guest's card "
                    "through Stripe. It is posted to the books when Stripe reports it paid."
                )
                % values,
            )
        else:
            messages.success(
                self.request,
                _(
                    "Refund of %(amount)s for %(reference)s is owed to the guest. Pay it, then "
                    "mark it paid on this page."
                )
                % values,
            )
        return redirect(inspect_url(self.booking))


class RefundActionView(RefundMixin, View):
    """A button on one refund (POST only)."""

    http_method_names = ["post"]

    def find_booking(self, request, pk) -> Booking:
        self.refund = get_object_or_404(
            scoped(
                Refund.objects.select_related("booking__enterprise"),
                request.user,
                "booking__enterprise",
            ),
            pk=pk,
        )
        return self.refund.booking


class RefundMarkPaidView(RefundActionView):
    def post(self, request, pk):
        try:
            refund = refund_mark_paid(refund=self.refund, user=request.user)
        except BookingError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(
                request,
                _("Refund of %(amount)s recorded as paid and posted to the books.")
                % {"amount": rupiah(refund.amount)},
            )
        return redirect(inspect_url(self.booking))


class RefundSendView(RefundActionView):
    def post(self, request, pk):
        try:
            refund = refund_send(refund=self.refund)
        except BookingError as error:
            messages.error(request, str(error.message))
            return redirect(inspect_url(self.booking))
        values = {"amount": rupiah(refund.amount), "reason": refund.failure_reason}
        if refund.status == Refund.Status.FAILED:
            messages.error(request, _("Stripe refused the refund: %(reason)s") % values)
        elif refund.status == Refund.Status.SENT:
            messages.success(
                request,
                _("Refund of %(amount)s sent to Stripe. It is posted when Stripe reports it paid.")
                % values,
            )
        else:
            messages.info(request, _("This refund was sent already."))
        return redirect(inspect_url(self.booking))


class RefundsViewSet(ViewSet):
    """Refund screens, reached from a booking's detail page (no menu item of their own)."""

    name = "booking_refunds"
    icon = "arrow-left"
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [
            path("booking/<int:pk>/new/", RefundCreateView.as_view(), name="add"),
            path("<int:pk>/paid/", RefundMarkPaidView.as_view(), name="mark_paid"),
            path("<int:pk>/send/", RefundSendView.as_view(), name="send"),
        ]
