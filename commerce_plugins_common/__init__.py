"""
Code the three commerce plugins share: host-neutral helpers each plugin configures with its own parts.

The plugins run in different services and never import each other; each keeps a thin module at its
own import path that passes its host-specific bits (error codes, schema title, permission class) to
what lives here. Nothing in this package imports a host (the LMS, Otto, stock Oscar or
course-discovery) at import time.
"""
