"""Addresses of the demo workshop, as the example intranet's demo content builds them."""

WORKSHOP = "/workshops/how-parliament-works/"
EDITION = "/offices/washington/how-parliament-works/"
#: The three views of the template and of an office's edition of it.
WORKSHOP_VIEWS = [
    WORKSHOP,
    WORKSHOP + "facilitator/",
    WORKSHOP + "print/",
    EDITION,
    EDITION + "facilitator/",
    EDITION + "print/",
]
