"""Pure rules and types of the domain. Imports neither Qt nor SQLAlchemy."""
