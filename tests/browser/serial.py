"""One request at a time (test settings only). The live server answers the browser in
several threads, which share the test database's single SQLite connection: two
requests at once (the admin's editor sends its editing-session ping or release beacon
while a form is posted) break each other's savepoints. The test client is serial
anyway; on PostgreSQL this changes nothing but the order."""

import threading

_lock = threading.Lock()


class SerialRequests:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with _lock:
            return self.get_response(request)
