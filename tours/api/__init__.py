"""Public JSON API v1 (Django Ninja): tours, departures and bookings."""

from ninja import NinjaAPI

api = NinjaAPI(title="Desa Wisata API", version="1", urls_namespace="api-v1")
