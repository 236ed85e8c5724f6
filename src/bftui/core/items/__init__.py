"""The item model: articles, events and Q&A entries, their schema and form values.

Owns the dataclasses (`model`), the field schema that drives forms and
`check` (`schema`, `formvalues`) and reading and editing Q&A entries in a
body (`qa`, `qa_edit`). Imports only the shared helpers at the top of
`bftui.core`.
"""
