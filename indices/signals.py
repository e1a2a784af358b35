"""A changed figure changes the pages that show it: the page cache starts a new generation."""

from django.db.models.signals import post_delete, post_save

from indices.models import IndexFigure
from plan.public.page_cache import forget_all

post_save.connect(forget_all, sender=IndexFigure, dispatch_uid="page-cache-save-IndexFigure")
post_delete.connect(forget_all, sender=IndexFigure, dispatch_uid="page-cache-delete-IndexFigure")
