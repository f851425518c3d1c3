"""The Pledge Lead's year beyond the surveys: sign-off, representatives' involvement, meetings,
the time the pledge takes, and publishing it."""
