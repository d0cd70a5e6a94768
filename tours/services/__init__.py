"""Services of the sales side: every state change goes through one of these functions."""

from .pages import village_permissions_sync

__all__ = ["village_permissions_sync"]
