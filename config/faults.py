"""Faults that are not the visitor's: when the database cannot be reached, every
page answers 503 in Vietnamese with Retry-After, never a 500 or a truncated 200.
An error of the outage kinds while the database does answer is no outage: the
database refused that one query (a search SQLite's full-text syntax rejects), so
the visitor gets 400 and the log gets the real cause.

`server_error` (handler500) is called while the exception is being handled, so it
can tell a database outage from a bug. `database_available` lets a streaming
response (the open-data CSV) check the database before its first byte."""

import logging
import sys

from django.db import Error, connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader

RETRY_AFTER_SECONDS = 30
OUTAGE_ERRORS = (OperationalError, InterfaceError)

logger = logging.getLogger(__name__)


def database_fault_response(request, exception):
    """503 for an outage, 400 (its cause logged) for a query the database refused,
    None for anything else."""
    if not isinstance(exception, OUTAGE_ERRORS):
        return None
    if not query_was_refused():
        return unavailable_response()
    logger.error(
        "The database refused a query for %s %s: %s", request.method, request.path, exception, exc_info=exception
    )
    try:
        return render(request, "400.html", status=400)
    except Error:  # it went away after all, between the check and this page
        return unavailable_response()


def unavailable_response():
    """The 503 page, rendered without a request: no context processor may query the
    database that is down."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def current_exception():
    return sys.exc_info()[1]


def database_available():
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Error:  # InterfaceError ("connection already closed") is no DatabaseError
        return False
    return True


def query_was_refused():
    """True when the session that raised still answers: the database refused that one
    query. A session never opened (the connection was refused) or broken since is an
    outage, even if the database is back by now."""
    try:
        return connection.connection is not None and connection.is_usable() and database_available()
    except Error:
        return False


class DatabaseOutageMiddleware:
    """Answers 503 for a database outage raised by a view (the handler500 path covers
    the middleware and the rest)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return database_fault_response(request, exception)
