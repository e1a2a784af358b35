"""What search engines and other sites read: the sitemap (Wagtail's, with the task and
indicator pages of each area) and robots.txt pointing to it."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from plan.public.identity import site_root


@require_GET
def robots_txt(request):
    # A search for a topic is a page people may arrive at from a search engine (its
    # canonical link is the search page itself); the suggestions are JSON for the
    # search box, of no use to a crawler.
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Disallow: {reverse('search:suggest')}",
        f"Sitemap: {site_root(request)}{reverse('plan:sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
