"""The Wagtail Site answers at the site's public address (settings.WAGTAILADMIN_BASE_URL,
from the environment), so that the API, the sitemap and every absolute link give
the address readers use, not http://localhost."""

from urllib.parse import urlsplit

from wagtail.models import Site


def set_site_address(url):
    """Point the default Site at `url`; returns (site, changed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"Địa chỉ trang không hợp lệ: “{url}” (ví dụ https://cchc.example.gov.vn).")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (parts.hostname, port):
        return site, False
    site.hostname, site.port = parts.hostname, port
    site.save()
    return site, True
