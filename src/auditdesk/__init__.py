"""AuditDesk: monitoring and measuring customer-service standards in a public office."""

__version__ = "0.1.0"
