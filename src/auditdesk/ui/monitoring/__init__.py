"""The Monitoring panel: the office-wide picture HR and quality staff watch."""
