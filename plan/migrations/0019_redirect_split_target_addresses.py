from django.db import migrations

# 0017 gave three targets the code of their first part (4.a.2 is 4.a.2.1 now, and so on):
# their old addresses answer with a permanent redirect to the new ones, through Wagtail's
# redirects (editors see them under Cài đặt › Chuyển hướng). 2.a.3.2 is not here: its old
# address now shows the plan's second activity, not the documents (now 2.a.3.3).
MOVED = [("4.a.2", "4.a.2.1"), ("6.a.4", "6.a.4.1"), ("6.a.5", "6.a.5.1")]


def url_code(code):
    return code.replace(".", "-")


def redirect_moved_targets(apps, schema_editor):
    Indicator = apps.get_model("plan", "Indicator")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    Site = apps.get_model("wagtailcore", "Site")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:  # a new database: no page has had the old addresses
        return
    root = site.root_page.url_path
    for old, new in MOVED:
        if Indicator.objects.filter(code=old).exists():
            continue
        indicator = Indicator.objects.filter(code=new).select_related("area").first()
        if indicator is None or not indicator.area.url_path.startswith(root):
            continue
        area_path = "/" + indicator.area.url_path[len(root) :]
        Redirect.objects.get_or_create(
            old_path=f"{area_path}chi-tieu/{url_code(old)}",  # Wagtail's normal form: no trailing slash
            site=None,
            defaults={"redirect_link": f"{area_path}chi-tieu/{url_code(new)}/", "is_permanent": True},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("plan", "0018_import_batch_reason"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(redirect_moved_targets, migrations.RunPython.noop)]
