"""Stored JSON that is damaged or from another release, and the page editor's round trip.

The fixtures live in ``tests/fixtures/damaged/`` (one case each) and ``tests/fixtures/versions/``
(JSON as an older or a newer release writes it). Each file holds:

``about``  what the case is;
``field``  the StreamField it goes into (``body`` of a workshop template or a host page, or
           ``fills`` of a local edition);
``stored`` the stored JSON; in ``fills``, ``{welcome}`` and ``{speaker}`` stand for the keys of
           the template's slots;
``logged`` whether reading it logs a warning;
``shows``  texts the rendered page shows;
``keeps``  texts the stored JSON still holds after the editor saved the page;
``keeps_exactly``  parts of the stored JSON kept exactly as they were, such as an item of a
           block type this release does not know.
"""

import json
import uuid
from pathlib import Path

from django import forms
from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail import blocks
from wagtail.blocks import BlockField

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def load_fixture(path, **keys):
    """One fixture file, with ``{name}`` in its text replaced by ``keys[name]``."""
    text = path.read_text()
    for name, value in keys.items():
        text = text.replace("{" + name + "}", value)
    return json.loads(text)


def fixture_paths(folder):
    return sorted((FIXTURES / folder).glob("*.json"))


def store_raw(page, field, raw):
    """Write ``raw`` into ``page``'s row and its latest revision, past every check.

    As an import, a hand edit of the database or an older release would: the row through a
    queryset update (no block is involved), the revision as Wagtail keeps it, a JSON string.
    """
    type(page).objects.filter(pk=page.pk).update(**{field: raw})
    revision = page.get_latest_revision()
    revision.content = {**revision.content, field: json.dumps(raw)}
    revision.save(update_fields=["content"])


def stored_json(page, field):
    """The JSON of ``field`` as the page's row holds it, read past the blocks."""
    text = (
        type(page)
        .objects.filter(pk=page.pk)
        .annotate(lg_raw=Cast(field, TextField()))
        .values_list("lg_raw", flat=True)
        .get()
    )
    return json.loads(text)


def revision_json(page, field):
    """The JSON of ``field`` in the page's latest revision, as the database has it now."""
    revision = type(page).objects.get(pk=page.pk).get_latest_revision()
    return json.loads(revision.content[field])


def contains(tree, part):
    """Whether ``part`` occurs in the JSON ``tree``, exactly, at any depth."""
    if tree == part:
        return True
    if isinstance(tree, dict):
        return any(contains(value, part) for value in tree.values())
    if isinstance(tree, list):
        return any(contains(item, part) for item in tree)
    return False


def without_given_ids(tree):
    """``tree`` without the ids that reading gave items stored without one, as it was stored.

    Such an id is a version 5 UUID (see :func:`~wagtail_learninggroups.core.tolerance.derived_id`);
    a bare list value given one was wrapped as ``{"type": "item", …}`` too.
    """
    if isinstance(tree, list):
        return [without_given_ids(item) for item in tree]
    if not isinstance(tree, dict):
        return tree
    tree = {key: without_given_ids(value) for key, value in tree.items()}
    if is_given_id(tree.get("id")):
        del tree["id"]
        if tree.keys() == {"type", "value"} and tree["type"] == "item":
            return tree["value"]
    return tree


def is_given_id(value):
    try:
        return uuid.UUID(value).version == 5
    except (TypeError, ValueError, AttributeError):
        return False


# The page editor's post --------------------------------------------------------------------


def block_post_data(block, state, prefix):
    """What the editor's script posts for a block whose form state is ``state``.

    The page editor draws each StreamField from the form state its blocks give
    (``get_form_state``) and posts it back in this shape.
    """
    data = {}
    if isinstance(block, blocks.BaseStreamBlock | blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(state))
        for index, child in enumerate(state):
            item = f"{prefix}-{index}"
            data.update({f"{item}-id": child["id"] or "", f"{item}-deleted": ""})
            data[f"{item}-order"] = str(index)
            if isinstance(block, blocks.ListBlock):
                child_block = block.child_block
            else:
                child_block = block.child_blocks[child["type"]]
                data[f"{item}-type"] = child["type"]
            data.update(block_post_data(child_block, child["value"], f"{item}-value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            data.update(block_post_data(child_block, state[name], f"{prefix}-{name}"))
    elif isinstance(block, blocks.BooleanBlock):
        if state:
            data[prefix] = "on"
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = str(state["id"]) if state else ""
    elif isinstance(state, list | tuple):
        data[prefix] = [str(item) for item in state]
    else:
        data[prefix] = "" if state is None else str(state)
    return data


def form_post_data(form):
    """What a browser posts for an unbound ``form`` left as it was shown."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if isinstance(field, BlockField):
            state = field.block.get_form_state(value)
            data.update(block_post_data(field.block, state, bound.html_name))
        elif isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif value is None:
            data[bound.html_name] = ""
        else:
            formatted = field.widget.format_value(value)
            if isinstance(formatted, list) and not getattr(
                field.widget, "allow_multiple_selected", False
            ):
                # A single select formats its value as a list of one.
                formatted = formatted[0] if formatted else ""
            if isinstance(formatted, list):
                data[bound.html_name] = [str(item) for item in formatted]
            else:
                data[bound.html_name] = "" if formatted is None else str(formatted)
    return data


def editor_post_data(response, action="action-publish"):
    """The post of the page editor that ``response`` shows, saved with ``action`` unchanged."""
    form = response.context["form"]
    data = form_post_data(form)
    fills_form = getattr(form, "fills_form", None)
    if fills_form is not None:
        data.update(form_post_data(fills_form))
    for formset in getattr(form, "formsets", {}).values():
        data.update(form_post_data(formset.management_form))
        for subform in formset.forms:
            data.update(form_post_data(subform))
    data[action] = "1"
    return data
