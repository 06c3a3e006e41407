import pytest
from wagtail.models import Page, Site


@pytest.fixture
def root_page(db):
    """The page at the root of the default site, as Wagtail's initial migration creates it."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def tree_root(db):
    return Page.get_first_root_node()


@pytest.fixture
def admin_client(client, django_user_model):
    """A client signed in as a superuser of the Wagtail admin."""
    user = django_user_model.objects.create_superuser("central-editor", "ce@example.org", "pw")
    client.force_login(user)
    return client
