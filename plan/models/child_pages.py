"""Wagtail's routing (Page.route), with the usual child of a page read in one query:
Page.route reads the child as a base page, then again as its own type. A page that
names `usual_child_type` has its child of that type read directly, with its own fields;
any other child (and a missing one) goes the stock way."""

from django.apps import apps
from wagtail.models import Page


class UsualChildRoute(Page):
    usual_child_type = ""  # "app_label.ModelName"

    class Meta:
        abstract = True

    def route(self, request, path_components):
        if path_components and self.usual_child_type:
            model = apps.get_model(self.usual_child_type)
            child = model.objects.child_of(self).filter(slug=path_components[0]).first()
            if child is not None:
                child.routed_parent = self  # as Wagtail's route keeps it: the presenter's parent() (no query)
                return child.route(request, path_components[1:])
        return super().route(request, path_components)
