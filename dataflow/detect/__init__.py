"""Detection: evidence about what a field holds.

``metadata`` reads names, comments and types against the catalog's dictionaries (fast, no
Presidio: the pre-commit ``check`` uses it); the content modules look at sampled values.
"""
