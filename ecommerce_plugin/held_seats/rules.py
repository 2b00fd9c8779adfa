"""
Which enrollment modes include which: a learner holding a mode holds every mode below it.

Pure and small on purpose: the checkout and the basket ask it the same question.
"""

# Higher is more. Modes not listed hold only themselves.
MODE_RANK = {
    "audit": 0,
    "honor": 1,
    "verified": 2,
    "professional": 3,
    "no-id-professional": 3,
    "credit": 3,
    "masters": 4,
    "executive-education": 4,
}


def holds(held_mode, wanted_mode):
    """
    Whether an enrollment in ``held_mode`` already gives what a seat in ``wanted_mode`` sells.
    """
    held, wanted = (held_mode or "").lower(), (wanted_mode or "").lower()
    if held == wanted:
        return True
    if held in MODE_RANK and wanted in MODE_RANK:
        return MODE_RANK[held] >= MODE_RANK[wanted]
    return False
