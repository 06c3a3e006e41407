from django.apps import AppConfig


class IntranetConfig(AppConfig):
    """The example intranet's own pages."""

    name = "example_site.intranet"
    label = "intranet"
    verbose_name = "Example intranet"
    default_auto_field = "django.db.models.BigAutoField"
