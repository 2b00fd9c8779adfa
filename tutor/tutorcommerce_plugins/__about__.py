# The openedx-commerce-plugins release this plugin installs by default (same number).
__version__ = "0.1.0"
