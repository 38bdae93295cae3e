"""The window's synchronisation with the office store (issue 16): ui.sync.dialog."""
