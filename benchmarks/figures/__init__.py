"""The figures of issue #9, one module each; every ``measure`` returns table rows."""
