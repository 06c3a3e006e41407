"""The baseline of a quiz submission: a plain Django view that keeps a posted form as one row."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.views.decorators.http import require_POST
from wagtail.contrib.forms.models import FormSubmission


@login_required
@require_POST
def form_submission(request, page_id):
    """Save the posted fields as a form submission of the page, then redirect."""
    form_data = dict(request.POST.lists())
    submission = FormSubmission.objects.create(page_id=page_id, form_data=form_data)
    return HttpResponseRedirect(f"{request.path}?saved={submission.pk}")
