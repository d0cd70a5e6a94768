"""Menu items shown only to the people who may use the screen behind them."""

from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry


def permission_menu_item(model, action: str) -> type[MenuItem]:
    """A menu item shown to users with `action` permission on `model` (per its policy)."""

    def is_shown(item, request):
        return policy_registry.get_by_type(model).user_has_permission(request.user, action)

    return type(f"{model.__name__}{action.title()}MenuItem", (MenuItem,), {"is_shown": is_shown})


# Other apps add screens to the "Books" menu by registering viewsets whose `menu_hook` is this
# (Wagtail's `submenu_hook` of a menu group): the books never import them.
BOOKS_MENU_HOOK = "register_books_menu_item"
