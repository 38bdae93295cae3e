"""Issue 13 from the command line: `--map` adds to the automatic mapping (a header with a comma
included), `--save-mapping` writes the mapping used and `--mapping FILE.json` imports with it,
and a column named like a field that holds data stops the import until mapped or left out."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from auditdesk.cli import main


@pytest.fixture
def demo_db(db_path: Path, copy_demo: Callable[[Path], Path]) -> str:
    return str(copy_demo(db_path))


def test_map_save_and_reuse_a_mapping(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ezd.csv"
    path.write_text(
        "Spis spraw 2025\n"
        "Znak sprawy;Data wszczęcia;Data zamknięcia, ostateczna;Komórka\n"
        "WKS.5410.901.2025;03.03.2025;10.03.2025;Referat Dowodów Osobistych\n",
        encoding="utf-8",
    )
    args = ["--db", demo_db, "cases", "import", str(path)]
    assert main(args) == 1  # 'Data zamknięcia, ostateczna' holds dates and is not mapped
    assert "Data zamknięcia, ostateczna" in capsys.readouterr().err
    saved = tmp_path / "ezd.json"
    code = main(
        [*args, "--map", "Data zamknięcia, ostateczna=settled_on", "--save-mapping", str(saved)]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "1 linked to a unit, 1 with a settlement date from the file" in out
    assert "header row is on line 2" in out
    mapping = json.loads(saved.read_text(encoding="utf-8"))
    assert mapping["columns"]["Data zamknięcia, ostateczna"] == "settled_on"

    again = tmp_path / "ezd2.csv"
    again.write_text(path.read_text(encoding="utf-8").replace("901", "902"), encoding="utf-8")
    assert main(["--db", demo_db, "cases", "import", str(again), "--mapping", str(saved)]) == 0
    assert "1 with a settlement date from the file" in capsys.readouterr().out
