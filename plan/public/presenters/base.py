"""What every presenter has: its page, the request, and the page's ancestors (read once,
for the breadcrumbs and the parent plan)."""

from django.template.response import TemplateResponse
from django.utils.functional import cached_property

from plan.content.queries import share_site_root_paths
from plan.public import identity


class Presenter:
    def __init__(self, page, request):
        self.page = page
        self.request = request

    @cached_property
    def lineage(self):
        """The page's ancestors and its own row: those the router read on its way to the
        page (no query), or, for a page reached otherwise (a preview), from the tree."""
        return getattr(self.page, "route_lineage", None) or list(self.page.get_ancestors(inclusive=True))

    @cached_property
    def ancestors(self):
        """The page's ancestors; they and the page work out their URLs once per request."""
        ancestors = self.lineage[:-1]
        self.request._wagtail_cached_site_root_paths = identity.site_basics(self.request)[1]
        share_site_root_paths(self.request, [self.page, *ancestors])
        return ancestors

    def linked(self, pages):
        """`pages` (a list) whose URLs the template shows, worked out once per request."""
        self.ancestors  # noqa: B018 (sets the request's root paths, from the identity's cache entry)
        return share_site_root_paths(self.request, list(pages))

    def parent(self):
        return self.ancestors[-1]

    def context(self):
        """What the page's own template shows, beside Wagtail's `page` and `request`."""
        return {}

    def page_context(self):
        """context() and the ancestors the breadcrumbs show."""
        return {**self.context(), "ancestors": self.ancestors}

    def render(self, template, context, status=200):
        """A sub-page of the page (a task, the dashboard, …) with only the context it
        needs: Wagtail's `page.render` would gather the whole page's context too."""
        base = {"page": self.page, "self": self.page, "request": self.request, "ancestors": self.ancestors}
        return TemplateResponse(self.request, template, {**base, **context}, status=status)
