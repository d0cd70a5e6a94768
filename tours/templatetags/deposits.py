"""`{% booking_balance booking as balance %}`: a group booking's deposit and balance
(`tours.services.deposits.balance_summary`) for templates that are given only the booking."""

from django import template

from tours.booking.deposits import balance_summary

register = template.Library()


@register.simple_tag
def booking_balance(booking):
    return balance_summary(booking) if booking is not None else None
