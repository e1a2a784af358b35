"""Page models hand what their templates show to a presenter (plan/public/presenters),
so that a model is its fields, admin panels and routes, and imports no view, read
model or feed. A presenter declares the pages it presents with @presents; plan/apps.py
imports the presenters when the app is ready."""


class PresentedPage:
    """Mixin for a Wagtail page whose context comes from its presenter."""

    presenter_class = None  # set by @presents

    def present(self, request):
        return self.presenter_class(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.present(request).page_context())
        return context


def presents(*page_classes):
    """Class decorator: the decorated presenter gathers the context of these pages."""

    def register(presenter_class):
        for page_class in page_classes:
            page_class.presenter_class = presenter_class
        return presenter_class

    return register
