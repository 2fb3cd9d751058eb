"""A page type added the way a new content app would be, to prove it touches nothing else.

Installed only by tests/bulletins_settings.py (tests/test_adding_a_page_type.py).
"""
