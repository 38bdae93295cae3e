"""Use cases: each opens one short transaction, receives the acting user and enforces roles."""
