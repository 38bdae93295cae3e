"""The administration panel (users, audit trail, integrity, backups) and start-up recovery."""
