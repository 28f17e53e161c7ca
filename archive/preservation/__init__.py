"""Preservation: PDF/A copies of each record beside its original, and each record's file format."""
