""" "My office": a person says which office they belong to, for the package's default hook."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from ..conf import DEFAULT_OFFICE_OF_USER, get_setting
from ..core.sign_in import login_url
from .locations import Location
from .people import LearnerProfile, office_of


def office_choices():
    """Active offices grouped by region, as a select's option groups."""
    groups = {}
    for location in Location.objects.filter(active=True).order_by("region", "name"):
        groups.setdefault(location.region or _("Other"), []).append((location.pk, location.name))
    return [("", _("Choose your office")), *groups.items()]


class MyOfficeForm(forms.Form):
    location = forms.TypedChoiceField(label=_("Your office"), coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].choices = office_choices()


@never_cache
def my_office_view(request):
    """Show and change the signed-in person's office (where the site lets the package keep it)."""
    if not request.user.is_authenticated:
        return redirect(login_url(request.get_full_path()))
    editable = get_setting("OFFICE_OF_USER") == DEFAULT_OFFICE_OF_USER
    office = office_of(request.user)
    form = MyOfficeForm(
        request.POST if request.method == "POST" and editable else None,
        initial={"location": office.pk if office else None},
    )
    if form.is_bound and form.is_valid():
        location = Location.objects.filter(pk=form.cleaned_data["location"], active=True).first()
        LearnerProfile.objects.update_or_create(user=request.user, defaults={"location": location})
        messages.success(request, _("Your office is now %(office)s.") % {"office": location})
        return redirect(request.path)
    context = {
        "form": form,
        "office": office,
        "editable": editable,
        "lg_base_template": get_setting("BASE_TEMPLATE"),
    }
    return render(request, "wagtail_learninggroups/people/my_office.html", context)
