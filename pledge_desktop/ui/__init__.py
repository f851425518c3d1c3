"""The PySide6 user interface. Talks to services through a Workspace; never to the database."""
