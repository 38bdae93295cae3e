"""Administration: sign-in, users, trail viewer, backups, recovery, encryption, maintenance."""
