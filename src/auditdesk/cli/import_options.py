"""The mapping options every `… import` command shares (issue 13): `--mapping FILE.json` (a
mapping file, exported by `--save-mapping` or written by hand), `--map "HEADER=FIELD"` added to
the automatic or remembered mapping (any header text, commas included; `HEADER=` leaves a column
out on purpose), `--save-mapping FILE.json`; and the lines of the summary that say what the
import did with the file's layout. Light to import: the services are imported when a command
runs (issue 14)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditdesk.domain.import_plan import MappingSpec


def add_mapping_options(parser: Any, fields: str) -> None:
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="the column HEADER holds FIELD, on top of the automatic or remembered mapping "
        "(repeat it; any header text, commas included; 'HEADER=' leaves the column out on "
        f"purpose); fields: {fields}",
    )
    parser.add_argument(
        "--save-mapping",
        dest="save_mapping",
        type=Path,
        metavar="FILE.json",
        help="write the mapping used (columns, columns left out, value words) to FILE.json, "
        "to share it or to import with --mapping FILE.json",
    )


def is_mapping_file(value: str | None) -> bool:
    return bool(value) and (str(value).lower().endswith(".json") or Path(str(value)).is_file())


def mapping_spec(files: Sequence[str], maps: Sequence[str]) -> MappingSpec | None:
    """The mapping files (in order) with the --map options on top; None when none is given."""
    from auditdesk.domain.import_plan import MappingSpec, parse_map
    from auditdesk.services.monitoring.importing.files import read_mapping_file

    spec = MappingSpec()
    for file in files:
        spec = spec.plus(read_mapping_file(Path(file)))
    spec = spec.plus(parse_map(list(maps)))
    return spec or None


def layout_lines(
    header_line: int, skipped: Sequence[str], not_imported: Sequence[str]
) -> list[str]:
    """What the import did with the file's layout: the title lines skipped above the header,
    the columns holding data that no field took."""
    lines: list[str] = []
    if header_line > 1:
        shown = "; ".join(repr(t[:60]) for t in skipped if t)
        lines.append(
            f"the header row is on line {header_line}; the lines above it were skipped"
            + (f" ({shown})" if shown else "")
        )
    if not_imported:
        lines.append(
            "columns not imported (not mapped, not left out on purpose): " + ", ".join(not_imported)
        )
    return lines
