"""Local state on this machine: settings file, OS keyring, break log (SQLite)."""
