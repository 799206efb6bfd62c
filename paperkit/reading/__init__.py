"""The reading half: from an arXiv id or a PDF to the paper model and the reader's notes.

Data flow: `arxiv_source` (metadata with the `arxiv` package, the PDF through `paperkit.http`,
both cached) -> `pdf` (open, validate, decrypt) -> `parse` (PyMuPDF's text layer, and `ink`'s
drawn marks and clips -> `paper.Paper`: sections, figures, tables, footnotes, references; `bibliography` splits the entries into fields and
links in-text citations to them) -> `resolve` (id or path -> `Paper`, parse cached by the
PDF's hash). `notes` is the notes.md model the reader writes and the review half reads.

May import the shared base only; never `library`, `review`, `training`, `tui` or `commands`. The terminal app that shows a `Paper` is `paperkit.tui`.
"""
