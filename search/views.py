"""The public search page (/tim-kiem/) and its suggestions (/tim-kiem/goi-y/).
Both are rate-limited per client (429 past the limit) and answer 503 with a
Vietnamese page when the search backend cannot be reached."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django_ratelimit.decorators import ratelimit

from search import params as search_params
from search import service
from search import suggest as suggestions
from search.folding import clean_query
from search.ratelimit import client_ip, search_rate, suggest_rate

RETRY_AFTER_SECONDS = "60"


@require_safe
@ratelimit(group="site_search.search", key=client_ip, rate=search_rate, block=False)
def search(request):
    if request.limited:
        return retry_later(render(request, "search/rate_limited.html", status=429))
    params = search_params.parse(request.GET)
    try:
        outcome = service.search(params)
    except service.SearchUnavailable:
        return retry_later(render(request, "search/unavailable.html", {"query": params.query}, status=503))
    return render(
        request, "search/search.html", {"outcome": outcome, "params": outcome.params, "search_query": params.query}
    )


@require_safe
@ratelimit(group="site_search.suggest", key=client_ip, rate=suggest_rate, block=False)
def suggest(request):
    if request.limited:
        return retry_later(JsonResponse({"error": "Bạn gõ quá nhanh, vui lòng thử lại sau ít phút."}, status=429))
    query, _truncated = clean_query(request.GET.get("q", ""))
    try:
        found = suggestions.suggest(query, service.get_backend())
    except service.backend_errors():
        service.logger.exception("Search backend error (suggestions)")
        return retry_later(JsonResponse({"error": "Chức năng tìm kiếm tạm thời gián đoạn."}, status=503))
    return JsonResponse({"query": query, "suggestions": [item.as_dict() for item in found]})


def retry_later(response):
    """The response, telling clients when to try again (429 and 503)."""
    response["Retry-After"] = RETRY_AFTER_SECONDS
    return response
