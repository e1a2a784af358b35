"""Wagtail API v2 for pages (read-only, published and public pages only). The detail of
a plan, an area and an appendix page also gives its structured content
(plan.public.api_content): fields of the detail only, never of a listing, so that a
listing costs no query per page.

Odd parameters answer 400, never 500: Wagtail's own checks let through an offset too
large for the database (`offset=10**30`), an unknown `search_operator`, and ids
written with other digits (“²”)."""

from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from plan.public import api_content

MAX_OFFSET = 1_000_000
NUMBER_PARAMETERS = ("offset", "limit", "id", "child_of", "descendant_of", "ancestor_of", "translation_of")
SEARCH_OPERATORS = ("and", "or")


def check_parameters(query):
    for name in NUMBER_PARAMETERS:
        value = query.get(name)
        if value is None or (name in ("child_of", "descendant_of") and value == "root"):
            continue
        if not (value.isascii() and value.isdecimal()) or len(value) > 9:
            raise BadRequestError(f"{name} must be a positive integer")
        if name == "offset" and int(value) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
    operator = query.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")


class CheckedPagesAPIViewSet(PagesAPIViewSet):
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, *api_content.content_field_names()]

    @classmethod
    def get_body_fields(cls, model):
        extra = [APIField(name, serializer=field) for name, field in api_content.api_fields(model)]
        return super().get_body_fields(model) + extra

    def check_query_parameters(self, queryset):
        check_parameters(self.request.GET)
        return super().check_query_parameters(queryset)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CheckedPagesAPIViewSet)
