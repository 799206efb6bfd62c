"""The review half: from notes and run records to summaries, review sheets and exports.

* `templating`: the Jinja2 environment (packaged `templates/`, overridden by a workspace's);
* `forms`: the review forms (conference, seminar, ...) and their score scales;
* `documents`: summary, review, talk and report documents filled from notes and runs;
* `sheets`: a review sheet's parsed content, `check` and `merge`;
* `seminar`: the seminar plan in papers.toml, groups, roles and status;
* `markup`: Markdown to XHTML with formulas as MathML (HTML) or drawn images (PDF);
* `export`: Markdown, HTML and PDF;
* `slides`: a talk outline as a 16:9 slide deck PDF;
* `bundles`: a session's or a group's sheets as one PDF and one self-contained HTML page.

May import the shared base, `paperkit.library`, `paperkit.reading.notes` and
`paperkit.reading.paper`, and run records through `paperkit.training.records` alone (no other
training module, so no torch); never `tui` or `commands`.
"""
