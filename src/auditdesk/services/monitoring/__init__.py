"""Monitoring sources: satisfaction surveys, complaints and other indicators, research, cases."""
