"""What staff of one BUMDes may reach of the pages, images and documents of the others: nothing.

Wagtail's own permissions do most of it: each BUMDes's staff groups hold page permissions only on
their village pages and collection permissions only on their own collection. Wagtail still answers
some screens for any page, image or document by id (the explorer and the page chooser at a page,
the confirm pages of move and bulk actions, the admin API), so:

- `TenancyMiddleware` answers 404 to an admin URL naming a page outside the user's explorable
  pages, or a bulk action naming a page, image or document the user may not reach;
- the page chooser lists only explorable pages (`chooser_pages`);
- the admin API lists only the images and documents of the user's collections;
- a document file is served to anyone only when a live public page links to it, otherwise only
  to the staff of its collection (`document_serve_check`).

Superusers reach everything.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import page_permission_policy, policy_registry

# URL keyword arguments that name a page, and URL names whose `pk` is a page.
PAGE_KWARGS = frozenset(
    {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
)
PAGE_PK_NAMESPACES = frozenset({"wagtailadmin_pages", "wagtailadmin_api:pages"})
COLLECTION_ACTIONS = ("choose", "change")


def explorable_pages(user):
    return page_permission_policy.explorable_instances(user)


def collection_items(model, user):
    """The images (or documents) of the collections the user may choose from or change."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, COLLECTION_ACTIONS)


def _ids(values) -> set[int]:
    try:
        return {int(value) for value in values}
    except ValueError:
        raise Http404 from None


def _label(model) -> tuple[str, str]:
    return model._meta.app_label, model._meta.model_name


def _bulk_reachable(user, app_label: str, model_name: str, ids: set[int]) -> bool:
    if app_label == "wagtailcore" and model_name == "page":
        reachable = explorable_pages(user)
    elif (app_label, model_name) == _label(get_image_model()):
        reachable = collection_items(get_image_model(), user)
    elif (app_label, model_name) == _label(get_document_model()):
        reachable = collection_items(get_document_model(), user)
    else:
        return True
    return reachable.filter(pk__in=ids).count() == len(ids)


def _page_ids(match) -> set[int]:
    names = set(PAGE_KWARGS)
    if match.namespace in PAGE_PK_NAMESPACES:
        names.add("pk")
    return _ids(value for name, value in match.kwargs.items() if name in names)


class TenancyMiddleware:
    """404 for admin URLs that name another BUMDes's page, image or document (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        if not match.route.startswith("admin/"):
            return None
        pages = _page_ids(match)
        if match.url_name == "wagtailadmin_choose_page_chosen_multiple":
            pages |= _ids(request.GET.getlist("id"))
        if pages and explorable_pages(user).filter(pk__in=pages).count() != len(pages):
            raise Http404
        if match.url_name == "wagtail_bulk_action":
            ids = _ids(request.GET.getlist("id") + request.POST.getlist("id"))
            if ids and not _bulk_reachable(
                user, match.kwargs["app_label"], match.kwargs["model_name"], ids
            ):
                raise Http404
        return None


def chooser_pages(pages, request):
    """The page chooser lists the pages the user may explore (their village and its ancestors)."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=explorable_pages(request.user).values("pk"))


class CollectionScopedMixin:
    """The admin API's images or documents: those of the user's collections."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_superuser:
            return queryset
        return queryset.filter(pk__in=collection_items(self.model, user).values("pk"))


class ScopedImagesAdminAPIViewSet(CollectionScopedMixin, ImagesAdminAPIViewSet):
    pass


class ScopedDocumentsAdminAPIViewSet(CollectionScopedMixin, DocumentsAdminAPIViewSet):
    pass


def admin_api_scoped(router):
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


def document_is_published(document) -> bool:
    """Whether a live page open to everyone links to the document."""
    references = ReferenceIndex.get_references_to(document)
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = references.filter(base_content_type=page_type).values_list("object_id", flat=True)
    return Page.objects.live().public().filter(pk__in=[int(pk) for pk in page_ids]).exists()


def document_serve_check(document, request):
    """A document's file goes to anyone only once published on a page, else only to its staff."""
    user = request.user
    if user.is_authenticated and (
        user.is_superuser
        or policy_registry.get(document).user_has_any_permission_for_instance(
            user, COLLECTION_ACTIONS, document
        )
    ):
        return None
    if document_is_published(document):
        return None
    raise Http404
