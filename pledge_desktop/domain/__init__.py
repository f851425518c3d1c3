"""Plain records and rules of the Service Pledge. Standard library only."""
