"""Payment provider callbacks, outside i18n_patterns: /payments/…"""

from django.urls import path

from tours.payments import webhooks

urlpatterns = [
    path("stripe/webhook/", webhooks.stripe_webhook, name="stripe_webhook"),
]
