"""
Test helpers shared by the three host suites (each suite runs in its own pytest process).
"""
