"""The knowledge base's own logic: read, validate and index the content; render what MkDocs cannot."""
