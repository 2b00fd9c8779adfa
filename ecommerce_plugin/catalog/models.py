"""
The catalogue feature has no models of its own (seats are Oscar products); this module makes
it a models-bearing app, so Django sends it ``post_migrate`` and the ``Seat`` class is set up.
"""
