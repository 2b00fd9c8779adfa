"""
The error body of every 4xx an ecommerce plugin view can answer, as drf-spectacular documents it:
``commerce_plugins_common.schema``, shared with the LMS plugin.
"""
from commerce_plugins_common.schema import ErrorDocumentingAutoSchema, ErrorSerializer

__all__ = ["ErrorDocumentingAutoSchema", "ErrorSerializer"]
