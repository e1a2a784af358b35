"""Comparing an object with the values the data file gives, and writing only what
differs: so that loading the same file twice creates no page, record or revision."""


def assign_changes(obj, values):
    """Set the attributes that differ; return True if any did."""
    changed = False
    for name, value in values.items():
        if current_value(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def current_value(obj, name):
    value = getattr(obj, name)
    if hasattr(value, "raw_data"):  # StreamField: compare as a list of (type, text)
        return [(block.block_type, block.value) for block in value]
    return value


def stream(block_type, texts):
    return [(block_type, text) for text in texts]


def assign_m2m(obj, name, wanted):
    """Set a (parental) many-to-many field; return True if it changed."""
    manager = getattr(obj, name)
    current = {item.pk for item in manager.all()} if obj.pk else set()
    wanted_pks = {item.pk for item in wanted}
    if obj.pk and current == wanted_pks:
        return False
    manager.set(wanted)
    return True


def ensure_child(parent, page_class, slug, values, report):
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = page_class(slug=slug, **values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        report.created.append(f"trang {slug}")
    elif assign_changes(page, values):
        page.save_revision().publish()
        report.updated.append(f"trang {slug}")
    return page


def publish_page(parent, page, created, changed, report):
    if created:
        parent.add_child(instance=page)
        page.save_revision().publish()
        report.created.append(f"trang {page.slug}")
    elif changed:
        page.save_revision().publish()
        report.updated.append(f"trang {page.slug}")
    return page
