"""Who may see and change which rows of the books.

The model permissions come from the staff roles (`bumdes.services.MODEL_PERMISSIONS`): treasurers
and managers keep the books (journal, manual entries, payments, periods, reports); operators and
managers keep the list of community members. Rows are narrowed to the user's own BUMDes (invariant
6); superusers see every BUMDes. Nothing of the books is ever deleted from the admin: entries are
reversed, people are marked inactive.

`tours.admin.permissions` uses the same helpers for bookings and departures.
"""

from zoneinfo import ZoneInfo

from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from bumdes.services import user_enterprise
from core.localtime import zone_info


def staff_enterprise(user):
    """The user's enterprise, looked up once per request (cached on the user object)."""
    if not hasattr(user, "_staff_enterprise"):
        user._staff_enterprise = user_enterprise(user)
    return user._staff_enterprise


def staff_zone(user) -> ZoneInfo:
    """The time zone of the user's BUMDes (WIB for superusers): the day staff call "today"."""
    enterprise = staff_enterprise(user)
    return enterprise.zone if enterprise is not None else zone_info()


def scoped(queryset: QuerySet, user, field: str = "enterprise") -> QuerySet:
    """Only the rows of the user's own enterprise; every row for superusers, none for outsiders."""
    if user.is_superuser:
        return queryset
    enterprise = staff_enterprise(user)
    if enterprise is None:
        return queryset.none()
    return queryset.filter(**{field: enterprise})


class EnterprisePermissionPolicy(ModelPermissionPolicy):
    """Model permissions narrowed to the user's own enterprise; delete is never allowed."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "delete"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user.is_superuser or getattr(staff_enterprise(user), "pk", None) == (
            instance.enterprise_id
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scoped(self.model._default_manager.all(), user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class InspectURLFinder(ModelAdminURLFinder):
    """Where the admin (the site history, for one) links a row that has no edit screen: its
    inspect screen, for users who may view that row; nowhere for the others."""

    inspect_url_name: str | None = None

    def construct_edit_url(self, instance):
        if self.inspect_url_name is None:
            return None
        return reverse(self.inspect_url_name, args=(quote(instance.pk),))

    def get_edit_url(self, instance):
        policy = policy_registry.get(instance)
        if (
            self.user
            and policy
            and not policy.user_has_permission_for_instance(self.user, "view", instance)
        ):
            return None
        return self.construct_edit_url(instance)


class ServiceOnlyViewSetMixin:
    """For a ModelViewSet whose rows change only through services (bookings, departures, journal
    entries, proposals): no edit, delete, history or usage screens, whoever asks. Add "add" to
    `closed_views` when rows are not created from the admin either."""

    closed_views: tuple[str, ...] = ("edit", "delete", "history", "usage")

    def get_common_view_kwargs(self, **kwargs):
        closed = {f"{view}_url_name": None for view in self.closed_views}
        return super().get_common_view_kwargs(**{**closed, **kwargs})

    @property
    def url_finder_class(self):
        url_name = self.get_url_name("inspect") if self.inspect_view_enabled else None
        return type("_InspectURLFinder", (InspectURLFinder,), {"inspect_url_name": url_name})
