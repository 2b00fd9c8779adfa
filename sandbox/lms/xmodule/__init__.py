"""
Sandbox stand-in for openedx-platform's ``xmodule`` package (the modulestore), not a replica of a Django app.

Upstream ``xmodule`` is a library over MongoDB/MySQL course content with no
Django models. The sandbox makes it a small Django app (label ``xmodule``) whose
``SandboxCourseStructure`` rows hold what the plugins read from a course: its
chapters and ``enable_ccx``. ``xmodule.modulestore.django.modulestore()`` reads them.
"""
