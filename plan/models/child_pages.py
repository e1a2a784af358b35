"""Wagtail's routing (Page.route), with the child of a page read in one query: Page.route
reads the child as a base page, then again as its own type. A UsualChildRoute page reads
its child with the fields of its own type at once, whichever of the page's
`subpage_types` it is (Django's select_related along each type's link to Page); a child
of another type (and a missing one) goes the stock way."""

from wagtail.models import Page


class UsualChildRoute(Page):
    class Meta:
        abstract = True

    def route(self, request, path_components):
        if path_components:
            child = self.child_by_slug(path_components[0])
            if child is not None:
                child.routed_parent = self  # as Wagtail's route keeps it: the presenter's parent() (no query)
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def child_by_slug(self, slug):
        """The child page `slug` as its own type, when it is one of subpage_types; else None."""
        links = [model._meta.model_name for model in self.allowed_subpage_models()]  # Django's default accessors
        page = Page.objects.child_of(self).filter(slug=slug).select_related(*links).first()
        for link in links:
            child = getattr(page, link, None)  # None: no such page, or not of this type
            if child is not None:
                return child
        return None
