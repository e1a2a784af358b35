from django.shortcuts import render

from config.faults import current_exception, database_fault_response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    response = database_fault_response(request, current_exception())
    if response is not None:
        return response
    return render(request, "500.html", status=500)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)
