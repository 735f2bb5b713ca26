"""Widgets: each one posts messages upward and receives data downward (attributes/methods)."""
