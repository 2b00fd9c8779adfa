"""
Replica of course-discovery ``course_discovery/apps/course_metadata/data_loaders/__init__.py`` (empty here).
"""
