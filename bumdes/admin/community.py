"""Community members (guides, batik teachers, hosts) of a BUMDes: the list, add and edit.

The BUMDes is the user's own, set by the screen and never chosen (superusers choose one when
adding). Members are never deleted: they have lines in the books; "active" takes them off the
assignment lists instead. Their role should be the word the experiences' community shares use
(e.g. "pemandu"), so that the fair rotation finds them.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from bumdes.admin.base import EnterpriseFilterSet
from bumdes.admin.forms import CommunityMemberForm
from bumdes.admin.permissions import scoped, staff_enterprise
from bumdes.models import Counterparty, CounterpartyKind

YES_NO = {True: gettext_lazy("Yes"), False: gettext_lazy("No"), None: "—"}


def scoped_members(user):
    return scoped(
        Counterparty.objects.filter(kind=CounterpartyKind.COMMUNITY), user
    ).select_related("enterprise")


class CommunityFilterSet(EnterpriseFilterSet):
    is_active = django_filters.ChoiceFilter(
        label=gettext_lazy("Active"),
        choices=[("yes", gettext_lazy("Active")), ("no", gettext_lazy("Inactive"))],
        empty_label=gettext_lazy("All"),
        method="filter_active",
        widget=forms.RadioSelect,
    )
    returned_migrant_worker = django_filters.BooleanFilter(
        label=gettext_lazy("Returned migrant worker (or family)")
    )

    class Meta:
        model = Counterparty
        fields = []

    def filter_active(self, queryset, name, value):
        return queryset.filter(is_active=value == "yes") if value else queryset


class CommunityIndexView(generic.IndexView):
    filterset_class = CommunityFilterSet
    search_fields = ["name", "role", "phone"]
    search_backend_name = None
    default_ordering = "name"
    page_title = gettext_lazy("Community members")

    def get_base_queryset(self):
        return scoped_members(self.request.user)

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        return queryset.filter(
            Q(name__icontains=query) | Q(role__icontains=query) | Q(phone__icontains=query)
        )

    @cached_property
    def add_item_label(self):
        return _("Add a community member")

    @cached_property
    def verbose_name(self):
        return _("community member")

    @cached_property
    def verbose_name_plural(self):
        return _("community members")

    @cached_property
    def columns(self):
        can_change = self.user_has_permission("change")
        columns = [
            TitleColumn(
                "name",
                label=_("Name"),
                url_name="community:edit" if can_change else None,
                sort_key="name",
            ),
            Column("role", label=_("Role"), sort_key="role"),
            Column("phone", label=_("Phone")),
            Column(
                "returned_migrant_worker",
                label=_("Returned migrant worker"),
                accessor=lambda m: YES_NO[m.returned_migrant_worker],
            ),
            Column("gender", label=_("Gender"), accessor="get_gender_display"),
            StatusTagColumn(
                "is_active",
                label=_("Status"),
                accessor=lambda m: _("Active") if m.is_active else _("Inactive"),
                primary=lambda m: m.is_active,
            ),
        ]
        if self.request.user.is_superuser:
            columns.append(Column("enterprise", label=_("BUMDes"), sort_key="enterprise__name"))
        return columns


def member_breadcrumbs(view, label: str) -> list[dict]:
    return view.breadcrumbs_items + [
        {"url": reverse("community:index"), "label": _("Community members")},
        {"url": "", "label": label},
    ]


class CommunityCreateView(generic.CreateView):
    page_title = gettext_lazy("Add a community member")

    def get_page_subtitle(self):
        return _("Community member")

    def get_breadcrumbs_items(self):
        return member_breadcrumbs(self, _("Add a community member"))

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser and staff_enterprise(request.user) is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial_form_instance(self):
        # The BUMDes comes from the user, never from the form (superusers choose one).
        user = self.request.user
        enterprise = None if user.is_superuser else staff_enterprise(user)
        return Counterparty(kind=CounterpartyKind.COMMUNITY, enterprise=enterprise)

    def get_success_message(self, instance):
        return _("%(name)s is added to the community members.") % {"name": instance.name}


class CommunityEditView(generic.EditView):
    def get_breadcrumbs_items(self):
        return member_breadcrumbs(self, self.object.name)

    def get_object(self, queryset=None):
        return get_object_or_404(scoped_members(self.request.user), pk=self.object_pk)

    def get_success_message(self):
        return _("%(name)s is saved.") % {"name": self.object.name}


class CommunityViewSet(ModelViewSet):
    model = Counterparty
    name = "community"
    url_prefix = "community"
    icon = "group"
    menu_label = gettext_lazy("Community members")
    menu_name = "community"
    menu_order = 160
    add_to_admin_menu = True
    index_view_class = CommunityIndexView
    add_view_class = CommunityCreateView
    edit_view_class = CommunityEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return CommunityMemberForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
        ]
