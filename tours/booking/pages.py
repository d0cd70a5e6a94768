"""Services for the page side of tours: keep each BUMDes's staff scoped to its own village pages.

A village page of any language belongs to one enterprise; its editors and managers get page
permissions on it, so Wagtail's explorer shows them their own subtree and nothing else.
"""

from bumdes.services import enterprise_grant_page_permissions
from tours.models import VillagePage


def village_permissions_sync(*, page: VillagePage) -> None:
    """Grant the owning enterprise's staff their permissions on this village page (idempotent)."""
    if page.enterprise_id is not None:
        enterprise_grant_page_permissions(enterprise=page.enterprise, page=page)
