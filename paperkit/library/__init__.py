"""The reading list: papers.toml and what is made from it.

* `store`: `Library`, the locked, comment-keeping view of papers.toml (entries, statuses, tags);
* `bibtex`: BibTeX for the library's entries.

May import the shared base and `paperkit.reading` (the paper's `Metadata`, arXiv access); never
`review`, `training`, `tui` or `commands`.
"""
