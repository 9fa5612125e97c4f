"""Prefect flows and the I/O around them. The computing lives in ``transforms``; this package wires it."""
