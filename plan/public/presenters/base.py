"""What every presenter has: its page, the request, and the page's ancestors (read once,
for the breadcrumbs and the parent plan)."""

from django.template.response import TemplateResponse
from django.utils.functional import cached_property


class Presenter:
    def __init__(self, page, request):
        self.page = page
        self.request = request

    @cached_property
    def ancestors(self):
        return list(self.page.get_ancestors())

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
