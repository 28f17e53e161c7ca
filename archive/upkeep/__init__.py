"""Keeping the archive whole: the writer lock, recovery after a killed run, reindex, verify and backup."""
