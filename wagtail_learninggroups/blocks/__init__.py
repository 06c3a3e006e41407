"""The public blocks of wagtail-learninggroups.

Import blocks from here, never from the family modules (``workshop``, ``resources``, …): this is
the import path that stays stable across releases. Wagtail writes struct and stream blocks into
your site's migrations as plain definitions, so those migrations do not depend on our module
layout; the few other blocks we define name this module in migrations.
"""

from .champions import *  # noqa: F403
from .champions import __all__ as _champions_all
from .fills import *  # noqa: F403
from .fills import __all__ as _fills_all
from .quiz import *  # noqa: F403
from .quiz import __all__ as _quiz_all
from .resources import *  # noqa: F403
from .resources import __all__ as _resources_all
from .richtext import *  # noqa: F403
from .richtext import __all__ as _richtext_all
from .slots import *  # noqa: F403
from .slots import __all__ as _slots_all
from .stream import *  # noqa: F403
from .stream import __all__ as _stream_all
from .workshop import *  # noqa: F403
from .workshop import __all__ as _workshop_all

__all__ = [
    *_workshop_all,
    *_resources_all,
    *_richtext_all,
    *_slots_all,
    *_fills_all,
    *_quiz_all,
    *_champions_all,
    *_stream_all,
]
