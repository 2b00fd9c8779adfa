"""
Each service's docs pages of the plugins' APIs (``/api/commerce-plugins/{schema,docs,redoc}/``)
and the 4xx every operation of the plugins' schema must document with the error body.
"""
ERROR_REF_SUFFIXES = ("/Error", "/CommercePluginError", "/CcxError")


WRITES = ("post", "put", "patch", "delete")


def required_errors(method, path):
    """
    The 4xx every plugin operation documents (``ErrorDocumentingAutoSchema``).
    """
    codes = {"400", "401", "403"}
    if "{" in path or method in WRITES:
        codes.add("404")
    if method in WRITES:
        codes.add("409")
    return codes


def plugin_schema(client, query):
    """
    The plugins' schema as the service serves it, as ``(document, {(method, path): responses})``.
    """
    response = client.get(f"/api/commerce-plugins/schema/{query}")
    assert response.status_code == 200, response.content[:300]
    document = response.json()
    operations = {
        (method, path): operation["responses"]
        for path, item in document["paths"].items()
        for method, operation in item.items() if method in ("get", *WRITES)
    }
    return document, operations


def assert_docs_pages(client):
    """
    The Swagger UI and ReDoc pages answer.
    """
    for page, marker in (("docs", "swagger"), ("redoc", "redoc")):
        response = client.get(f"/api/commerce-plugins/{page}/")
        assert response.status_code == 200, (page, response.content[:300])
        assert marker in response.content.decode().lower()


def undocumented_errors(operations, required):
    """
    ``"METHOD /path: <code>"`` for each operation lacking a required 4xx, or documenting a 4xx
    without the error body. ``operations``: ``{(method, path): responses}``; ``required(method,
    path)`` the codes that operation must document.
    """
    missing = []
    for (method, path), responses in sorted(operations.items()):
        for code in required(method, path):
            if code not in responses:
                missing.append(f"{method} {path}: {code} not documented")
        for code, response in responses.items():
            if str(code).startswith("4"):
                text = str(response)
                if not any(suffix in text for suffix in ERROR_REF_SUFFIXES):
                    missing.append(f"{method} {path}: {code} has no error body")
    return missing
