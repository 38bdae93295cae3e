"""Case timeliness from the EZD register: import, reports, demo."""
