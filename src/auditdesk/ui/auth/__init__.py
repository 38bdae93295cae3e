"""Signing in: the first-run administrator dialog and the sign-in dialog."""
