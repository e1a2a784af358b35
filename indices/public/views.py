"""Public pages of the indices (“Chỉ số”): the list and one page per index. The
figures as open data are served with the other files (plan/public/open_data.py)."""

from django.http import Http404
from django.shortcuts import render

from indices import catalogue
from indices.catalogue import BY_SLUG, GAP_TEXT, HOME_UNIT, MERGED_INTO, MERGER_DATE_TEXT
from indices.public import charts, tables
from indices.queries import figures_of, latest_totals

PAGE_TEXT = {"gap": GAP_TEXT, "home_unit": HOME_UNIT, "merged_into": MERGED_INTO, "merger_date": MERGER_DATE_TEXT}


def index_list(request):
    context = {"indices": catalogue.INDICES, "latest": latest_totals(), **PAGE_TEXT}
    return render(request, "indices/index_list.html", context)


def index_detail(request, slug):
    info = BY_SLUG.get(slug)
    if info is None:
        raise Http404("Không có chỉ số này.")
    figures = figures_of(info.code)
    arranged = tables.index_tables(info, figures)
    chart = charts.index_chart(info, figures, arranged["years"]) if info.code != catalogue.IndexCode.PROVINCE else None
    context = {
        "info": info,
        "indices": catalogue.INDICES,
        "chart": chart,
        "meta_description": f"{info.short_name} – {info.full_name}: số liệu của {HOME_UNIT} theo năm, kèm nguồn.",
        **arranged,
        **PAGE_TEXT,
    }
    return render(request, "indices/index_detail.html", context)
