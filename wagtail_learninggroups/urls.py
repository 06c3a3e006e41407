"""URLs of wagtail-learninggroups.

Include them in the site's URLconf, before Wagtail's catch-all::

    path("learning-groups/", include("wagtail_learninggroups.urls")),

The namespace is ``wagtail_learninggroups``.
"""

app_name = "wagtail_learninggroups"

urlpatterns = []
