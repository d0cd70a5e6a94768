"""Periods of the books: lock a month, reopen with a reason, close a year, distribute its profit.

- **Lock**: nothing can be posted on or before the lock date. Only months that have ended can be
  locked (today's sales must still post). Every change is kept with its reason.
- **Reopen**: move the lock date back, with a reason (for the supervisor and the village meeting).
- **Close a year**: the year's result is shown first (the income statement's figures), then
  `year_close` moves revenues and expenses to retained earnings and locks the year.
- **Distribute the profit**: for a closed year with a profit, the village meeting's decision
  number and date, the enterprise's percentages (AD/ART) and the amounts are shown before
  `profit_distribute` posts them.

One screen each (`lock`, `year_close`, `distribution`); this module holds their URLs and menu item.
"""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSet

from bumdes.admin.menus import permission_menu_item
from bumdes.admin.periods.distribution import DistributeView
from bumdes.admin.periods.lock import PeriodsView
from bumdes.admin.periods.year_close import YearCloseView
from bumdes.models import LockDateChange


class PeriodsViewSet(ViewSet):
    name = "books_periods"
    url_prefix = "books/periods"
    icon = "lock"
    menu_label = gettext_lazy("Periods")
    menu_name = "books-periods"

    @property
    def menu_item_class(self):
        return permission_menu_item(LockDateChange, "view")

    def get_urlpatterns(self):
        return [
            path("", PeriodsView.as_view(), name="index"),
            path("close/", YearCloseView.as_view(), name="close"),
            path("distribute/", DistributeView.as_view(), name="distribute"),
        ]
