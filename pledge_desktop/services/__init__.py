"""Use cases. Each public call is one unit of work and returns plain records, never ORM rows."""
