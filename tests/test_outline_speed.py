"""What `paperkit outline` does to stay quick that is not the parse itself."""

from __future__ import annotations

import gc

from corpus import samples
from paperkit.cli import main


def test_the_command_leaves_its_objects_out_of_the_collectors_walks(tmp_path, capsys):
    data, _truth = samples.generate_bytes("icml", 0)
    path = tmp_path / "paper.pdf"
    path.write_bytes(data)
    assert gc.get_freeze_count() == 0
    main(["outline", str(path), "--json"])
    assert capsys.readouterr().out.startswith("{")
    # frozen: the collection the next allocation would set off walks none of the parse's objects
    assert gc.get_freeze_count() > 10_000
    assert gc.get_count()[0] < 1000
    assert gc.isenabled()  # (the collector works on for whatever comes next)
