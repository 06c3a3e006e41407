"""Helpers shared by the tests."""


def list_block(values):
    """Form data of a ListBlock, for ``nested_form_data``, as ``streamfield`` is for streams."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def refused(response):
    """Whether the Wagtail admin refused a request: it sends those who may not to its home."""
    from django.urls import reverse

    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")
