from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page


def search(request):
    """The intranet's search page, using Wagtail's search backend."""
    query = request.GET.get("q", "").strip()
    results = Page.objects.live().specific().search(query) if query else Page.objects.none()
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "intranet/search.html", {"query": query, "results": page})
