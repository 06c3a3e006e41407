"""The example intranet's URLs, plus the baseline view of the quiz submission benchmark."""

from django.urls import include, path

from bench import views

urlpatterns = [
    path(
        "bench/form-submission/<int:page_id>/",
        views.form_submission,
        name="bench_form_submission",
    ),
    path("", include("example_site.urls")),
]
