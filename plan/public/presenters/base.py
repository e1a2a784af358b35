"""What every presenter has: its page and the request."""

from django.template.response import TemplateResponse


class Presenter:
    def __init__(self, page, request):
        self.page = page
        self.request = request

    def context(self):
        """What the page's own template shows, beside Wagtail's `page` and `request`."""
        return {}

    def render(self, template, context):
        """A sub-page of the page (a task, the dashboard, …) with only the context it
        needs: Wagtail's `page.render` would gather the whole page's context too."""
        base = {"page": self.page, "self": self.page, "request": self.request}
        return TemplateResponse(self.request, template, {**base, **context})
