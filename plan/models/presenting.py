"""Page models hand what their templates show to a presenter (plan/public/presenters),
so that a model is its fields, admin panels and routes, and imports no view, read
model or feed. A presenter declares the pages it presents with @presents; plan/apps.py
imports the presenters when the app is ready."""

from django.db.models import Exists, OuterRef
from django.utils.functional import cached_property
from wagtail.models import Page, PageViewRestriction


class PresentedPage:
    """Mixin for a Wagtail page whose context comes from its presenter."""

    presenter_class = None  # set by @presents

    def present(self, request):
        return self.presenter_class(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.present(request).page_context())
        return context

    routed_parent = None  # the page above, when routing came through it (plan.models.child_pages)

    @cached_property
    def path_pages(self):
        """The page's ancestors from the tree's root and the page itself as stored, read
        once, each with whether a view restriction is set on it (`restricted`)."""
        restricted = Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))
        return list(Page.objects.ancestor_of(self, inclusive=True).annotate(restricted=restricted).order_by("path"))

    @cached_property
    def ancestor_pages(self):
        """The page's ancestors from the tree's root: for the breadcrumbs and for the view
        restrictions that apply to the page."""
        return [page for page in self.path_pages if page.pk != self.pk]

    def get_view_restrictions(self):
        """Wagtail's answer (the restrictions on the page and its ancestors) from the
        pages the breadcrumbs read: none without another query when none of them has
        one (the usual case), else one query where Wagtail reads the ancestors again.
        Where an alias is on the way, Wagtail's own (it follows aliases to their
        source, however many)."""
        pages = [*self.ancestor_pages, self]
        if any(page.alias_of_id for page in pages):
            return super().get_view_restrictions()
        stored = self.path_pages
        if any(page.pk == self.pk for page in stored) and not any(page.restricted for page in stored):
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=[page.pk for page in pages])


def presents(*page_classes):
    """Class decorator: the decorated presenter gathers the context of these pages."""

    def register(presenter_class):
        for page_class in page_classes:
            page_class.presenter_class = presenter_class
        return presenter_class

    return register
