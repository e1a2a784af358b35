"""Move and bulk-action confirmations within the agency scope (plan.editorial.access).

Wagtail 8.0.1 names on a bulk action's confirmation every object asked for, those
the user may not act on too ("you don't have permission to … these pages"), and its
move confirmation answers for any two pages, before any permission is checked: an
agency's editor could read another agency's unpublished titles by typing ids. The
bulk actions below replace Wagtail's (registered after them, for the same models and
action types) and name only what the user may see; the move hook refuses a move the
user may not make before the confirmation is drawn."""

from django.http import HttpResponseForbidden
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction as PageDelete
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction as PageMove
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction as PagePublish
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction as PageUnpublish
from wagtail.models import Page
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDelete

from plan.editorial import access


class ReachableOnly:
    """Leave out of every list of the confirmation the objects the user cannot see."""

    def get_actionable_objects(self):
        objects, others = super().get_actionable_objects()
        reachable = access.reachable_pks(self.request.user, self.model)
        if reachable is None:
            return objects, others

        def seen(entry):
            return (entry["item"] if isinstance(entry, dict) else entry).pk in reachable

        return [obj for obj in objects if seen(obj)], {
            name: [entry for entry in entries if seen(entry)] for name, entries in others.items()
        }


class ScopedPageDelete(ReachableOnly, PageDelete):
    pass


class ScopedPagePublish(ReachableOnly, PagePublish):
    pass


class ScopedPageUnpublish(ReachableOnly, PageUnpublish):
    pass


class ScopedPageMove(ReachableOnly, PageMove):
    """Also offers, and accepts, as the new parent only a page the user can see."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        reachable = access.reachable_pks(self.request.user, Page)
        if reachable is not None:
            form.fields["chooser"].queryset = Page.objects.filter(pk__in=reachable)
        return form


class ScopedSnippetDelete(ReachableOnly, SnippetDelete):
    pass


BULK_ACTIONS = [ScopedPageDelete, ScopedPagePublish, ScopedPageUnpublish, ScopedPageMove, ScopedSnippetDelete]


def refuse_move_without_permission(request, page, destination):
    """Hook `before_move_page`: the move confirmation only for a move the user may make."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        message = "Bạn không có quyền chuyển trang này tới đó."
        return HttpResponseForbidden(message, content_type="text/plain; charset=utf-8")
    return None
