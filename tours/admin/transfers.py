"""Bank transfers the treasurer waits for: bookings kept for a transfer (or owing a balance by
transfer), and a "Received" form per booking that records the money, posts it to the books and
confirms the booking. The form carries a key made when it is opened, so a double tap records
the transfer once. Treasurers and managers only (the books' "add" permission), own BUMDes only.
"""

from uuid import uuid4

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.viewsets.base import ViewSet

from bumdes.admin.base import BooksMixin, breadcrumbs
from bumdes.admin.forms import RupiahField
from bumdes.admin.menus import permission_menu_item
from bumdes.admin.permissions import scoped
from bumdes.models import JournalEntry
from core.formats import rupiah
from tours.admin.shared import departure_when
from tours.booking.deposits import amount_due_now
from tours.booking.errors import BookingError, BookingInvalid
from tours.models import Booking, BookingStatus, Payment, PaymentMethod
from tours.payments.paying import bank_transfer_confirm, transfers_awaited


def transfers_url(enterprise=None, request=None) -> str:
    url = reverse("bank_transfers:index")
    if request is not None and request.user.is_superuser and enterprise is not None:
        url += f"?enterprise={enterprise.slug}"
    return url


class TransfersView(BooksMixin, TemplateView):
    model = JournalEntry
    permission_required = "view"
    template_name = "tours/admin/transfers.html"
    page_title = gettext_lazy("Bank transfers")
    header_icon = "arrow-down-big"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        bookings = Booking.objects.filter(enterprise=self.enterprise).select_related(
            "departure__tour"
        )
        awaited = transfers_awaited(bookings).order_by("hold_expires_at", "created_at")
        rows = []
        for booking in awaited:
            ran_out = booking.status != BookingStatus.CONFIRMED and (
                booking.status == BookingStatus.EXPIRED or booking.hold_expires_at <= now
            )
            if ran_out and booking.hold_expires_at and (now - booking.hold_expires_at).days > 14:
                continue  # long gone: not worth a line any more
            rows.append(
                {
                    "booking": booking,
                    "due": rupiah(amount_due_now(booking)),
                    "until": booking.hold_expires_at,
                    "ran_out": ran_out,
                    "url": reverse("bank_transfers:confirm", args=[booking.pk]),
                    "inspect_url": reverse("bookings:inspect", args=[booking.pk]),
                }
            )
        received = (
            Payment.objects.filter(
                booking__enterprise=self.enterprise, method=PaymentMethod.BANK_TRANSFER
            )
            .select_related("booking")
            .order_by("-received_at")[:10]
        )
        context.update({"rows": rows, "received": received})
        return context


class TransferForm(forms.Form):
    amount = RupiahField(label=gettext_lazy("Amount received (Rp)"))
    key = forms.CharField(widget=forms.HiddenInput, max_length=40)


class TransferConfirmView(BooksMixin, FormView):
    model = JournalEntry
    permission_required = "add"
    template_name = "tours/admin/transfer_confirm.html"
    form_class = TransferForm
    page_title = gettext_lazy("Transfer received")
    header_icon = "arrow-down-big"

    def dispatch(self, request, *args, **kwargs):
        # 403 without the books' permission, then 404 for another BUMDes's booking.
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.booking = get_object_or_404(
            scoped(Booking.objects.select_related("enterprise", "departure__tour"), request.user),
            pk=kwargs["pk"],
        )
        self.enterprise = self.booking.enterprise
        return super(BooksMixin, self).dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.booking.reference

    def get_breadcrumbs_items(self):
        return breadcrumbs(self, (transfers_url(self.enterprise, self.request), _("Transfers")))

    def get_initial(self):
        return {"amount": amount_due_now(self.booking) or "", "key": uuid4().hex[:12]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        booking = self.booking
        context.update(
            {
                "booking": booking,
                "when": departure_when(booking.departure),
                "due": rupiah(amount_due_now(booking)),
                "total": rupiah(booking.total),
                "back_url": transfers_url(self.enterprise, self.request),
            }
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            payment = bank_transfer_confirm(
                booking=self.booking, amount=data["amount"], key=data["key"], user=self.request.user
            )
        except BookingInvalid as error:
            form.add_error("amount", error.errors.get("amount") or str(error.message))
            return self.form_invalid(form)
        except BookingError as error:
            form.add_error(None, str(error.message))
            return self.form_invalid(form)
        booking = payment.booking
        booking.refresh_from_db()
        values = {"amount": rupiah(payment.amount), "reference": booking.reference}
        if booking.status == BookingStatus.CONFIRMED:
            messages.success(
                self.request,
                _("%(amount)s received for %(reference)s. The booking is confirmed.") % values,
            )
        else:
            messages.warning(
                self.request,
                _(
                    "%(amount)s received for %(reference)s, but its places were taken after "
                    "the hold ran out. The money is owed back to the guest: see the booking's "
                    "refunds."
                )
                % values,
            )
        return redirect(transfers_url(self.enterprise, self.request))


class TransfersViewSet(ViewSet):
    name = "bank_transfers"
    icon = "arrow-down-big"
    menu_label = gettext_lazy("Bank transfers")
    menu_name = "bank-transfers"
    add_to_admin_menu = False

    @property
    def menu_item_class(self):
        return permission_menu_item(JournalEntry, "view")

    def get_urlpatterns(self):
        return [
            path("", TransfersView.as_view(), name="index"),
            path("<int:pk>/received/", TransferConfirmView.as_view(), name="confirm"),
        ]
