from django.shortcuts import render

from config.faults import current_exception, is_outage, unavailable_response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    if is_outage(current_exception()):
        return unavailable_response()
    return render(request, "500.html", status=500)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)
