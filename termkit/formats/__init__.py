"""Readers and writers, one module per file format. Only this package touches files."""
