"""What every presenter has: its page, the request, and the page's ancestors (for the
breadcrumbs)."""

from django.template.response import TemplateResponse


class Presenter:
    def __init__(self, page, request):
        self.page = page
        self.request = request

    @property
    def ancestors(self):
        """The page's ancestors, from the tree's root: the breadcrumbs (read once with
        the view restrictions: plan/models/presenting.py)."""
        return self.page.ancestor_pages

    def parent(self):
        """The page above this one, as its own page type: the page routing came through
        (plan.models.child_pages: no query), else read (a preview, a page routed the
        stock way)."""
        return self.page.routed_parent or self.page.get_parent().specific

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
