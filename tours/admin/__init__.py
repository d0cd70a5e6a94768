"""Staff screens in the Wagtail admin: bookings, departures, manifests, check-in, today's panel.

Operators and managers of a BUMDes work here with Wagtail's own listings, filters, panels and
buttons; treasurers see bookings and departures read-only; superusers see every BUMDes. Every
queryset is narrowed to the user's own enterprise (invariant 6) through `permissions.scoped`,
and every change goes through one service in `tours.services`.
"""
