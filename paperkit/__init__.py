"""paperkit: read, review and reproduce machine-learning papers.

The package map (docs/ARCHITECTURE.md has the data flow and the rules):

* the shared base, at the top: `errors` (one-line errors), `files` (atomic writes, locks),
  `cache`, `workspace`, `config` (frozen dataclass configs, `--set` overrides), `ids` (arXiv
  ids), `http` (the only module that opens connections), `vcs` (git through GitPython);
* `reading/`: arXiv and PDF in, the paper model out, and the reader's notes;
* `library/`: the reading list in papers.toml, shared by all three halves, and BibTeX;
* `review/`: templates, review sheets, seminars and exports, filled from notes and run records;
* `training/`: the reproduction plugin contract and the engine that runs plugins;
* `tui/` and `commands/`: the interfaces (the Textual reader, the click commands) over the halves.

Dependencies run one way: base <- reading <- library <- review; base <- training; review reads
run records only through `paperkit.training.records`. Nothing imports `tui/` but `commands/`,
and nothing imports `commands/` but `cli`.
"""

__version__ = "0.1.0"
