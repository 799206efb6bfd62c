"""The reading list: papers.toml and what is made from it.

* `store`: `Library`, the locked, comment-keeping view of papers.toml (entries, statuses, tags),
  read with tomllib; `_tomledit` rewrites only the tables an edit changes;
* `importing`: BibTeX, biblatex and CSL-JSON from reference managers into the library;
* `listing`: the filters and the plain-text table of `papers list`;
* `bibtex`: BibTeX for the library's entries.

May import the shared base and `paperkit.reading` (the paper's `Metadata`, arXiv access); never
`review`, `training`, `tui` or `commands`.
"""
