"""The PySide6 user interface. Calls services; never builds a query or a PDF itself."""
