"""A URLconf that includes the package's URLs through an include of its own."""

from django.urls import include, path

intranet_patterns = [path("learning-groups/", include("wagtail_learninggroups.urls"))]

urlpatterns = [path("intranet/", include(intranet_patterns))]
