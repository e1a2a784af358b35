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


def fill_contact(email="", address=""):
    """Write the site's contact line (SiteIdentity) where it is still blank: what an
    administrator typed in the admin is kept. Returns the names of what is still
    missing. The e-mail address is checked as the admin's form checks it."""
    from django.core.validators import validate_email

    from plan.models import SiteIdentity

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ["contact_email", "contact_address"]
    identity = SiteIdentity.for_site(site)
    changed = []
    if email and not identity.contact_email:
        validate_email(email)
        identity.contact_email = email
        changed.append("contact_email")
    if address and not identity.contact_address:
        identity.contact_address = address[:255]
        changed.append("contact_address")
    if changed:
        identity.save(update_fields=changed)
    return [name for name in ("contact_email", "contact_address") if not getattr(identity, name)]
