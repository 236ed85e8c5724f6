"""Import and export: web pages in, iCalendar, CSV and JSON out.

May import `store`, `library`, `items` and the shared helpers.
"""
