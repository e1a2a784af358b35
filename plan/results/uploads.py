"""Uploaded results files wait in RESULT_UPLOAD_DIR from the upload to the import
(the worker's check, the uploader's confirmation, the review). They are deleted once
imported, refused or failed, and otherwise after RESULT_UPLOAD_RETENTION_DAYS, except
the files of batches the worker or a reviewer still has to act on."""

import re
import time
from pathlib import Path

from django.conf import settings

from plan.models import ImportBatch
from plan.vocabulary import IMPORT_BATCH_RUNNING, ImportBatchStatus

KEPT = (*IMPORT_BATCH_RUNNING, ImportBatchStatus.PENDING)

TOKEN = re.compile(r"^[0-9a-f]{32}\.(csv|xlsx|json)$")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def upload_dir():
    path = Path(settings.RESULT_UPLOAD_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def clean_file_name(name):
    """The name a person gave the file, safe to show and to put in an e-mail subject:
    no folder, no line break or other control character, at most 255 characters."""
    name = CONTROL.sub(" ", str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    return " ".join(name.split())[:255]


def purge_old_uploads(now=None):
    """Delete the uploads older than the retention period; returns how many."""
    folder = Path(settings.RESULT_UPLOAD_DIR)
    if not folder.is_dir():
        return 0
    cutoff = (now or time.time()) - settings.RESULT_UPLOAD_RETENTION_DAYS * 86400
    pending = set(ImportBatch.objects.filter(status__in=KEPT).values_list("stored_name", flat=True))
    removed = 0
    for path in folder.iterdir():
        if not TOKEN.match(path.name) or path.name in pending:
            continue
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # another process removed it first
            continue
    return removed
