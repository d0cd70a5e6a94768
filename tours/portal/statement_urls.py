"""The partner's monthly statements per BUMDes, under /partner/statements/ (none yet)."""

urlpatterns = []
