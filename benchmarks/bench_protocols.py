"""Benchmark of protocol rendering, signing and the signed bulk export for HR.

    python benchmarks/bench_protocols.py [--count 1000] [--runs 20] [--keep DIR]

Side by side in one run:
  * rendering one audit protocol (reportlab, DejaVu, invariant mode, numbered pages) against a
    bare reportlab document of the same content (same fonts, paragraphs and tables, no page
    header/footer, no page count, no stamp box);
  * signing it (PAdES B-B, visible stamp in the 1000-units-per-em DejaVu) against a bare
    pyHanko signature (SimpleSigner.load_pkcs12, default stamp, same field box);
  * exporting `count` signed protocols through the real service (both cores), from a database
    holding the demo office and `count` completed audits (cloned from one made through the
    audits service, each with a photo as evidence).
Each single-item timing is the median of `runs` runs after a warm-up.
Targets: render <= 1.5x bare, sign <= 1.2x bare, 1,000 signed < 60 s on 2 cores.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from auditdesk.reports.batch import Pkcs12Source, SignOptions
from auditdesk.reports.certs import create_certificate
from auditdesk.reports.fonts import BOLD, REGULAR, register_fonts
from auditdesk.reports.protocol_model import ProtocolDocument
from auditdesk.reports.protocol_pdf import render_protocol
from auditdesk.reports.signing import SignRequest, load_pkcs12_signer, sign_pdf
from auditdesk.services import protocols
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.demo import create_demo
from auditdesk.services.protocols.export import ExportFilter, export_all
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Audit, AuditAnswer, Evidence
from protocol_helpers import completed_audit

PASSWORD = b"benchmark"
YEAR = 2040


def _cpu_seconds() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished children (the export's workers)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def median_time(fn: Callable[[], Any], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_reportlab(doc: ProtocolDocument) -> bytes:
    """The same content as plainly as reportlab allows: a SimpleDocTemplate, one style."""
    register_fonts()
    base = ParagraphStyle("b", fontName=REGULAR, fontSize=8.5, leading=10.5)
    bold = ParagraphStyle("h", parent=base, fontName=BOLD, fontSize=10.5, leading=13)
    story: list[Any] = [Paragraph(doc.title, bold)]
    fields = [[Paragraph(f.label, base), Paragraph(f.value, base)] for f in doc.header]
    story.append(Table(fields))
    for section in doc.sections:
        story.append(Paragraph(section.title, bold))
        rows: list[list[Any]] = [[c.title for c in section.columns]]
        for row in section.rows:
            rows.append([Paragraph(c, base) if len(c) > 12 else c for c in row.cells])
            if row.note:
                rows.append([Paragraph(row.note, base)] + [""] * (len(section.columns) - 1))
        table = Table(rows, repeatRows=1)
        table.setStyle(
            TableStyle(
                [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("GRID", (0, 0), (-1, -1), 0.4, "grey")]
            )
        )
        story += [table, Paragraph(section.summary, base)]
    story += [Paragraph(doc.verdict, bold)]
    for ev in doc.evidence:
        story.append(Paragraph(f"{ev.name} {ev.sha256}", base))
        if ev.image:
            story.append(Image(io.BytesIO(ev.image), width=38 * mm, height=28 * mm))
    for sig in doc.signatures:
        story += [Spacer(1, 12 * mm), Paragraph(f"{sig.role}: {sig.name}", base)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, title=doc.title, author=doc.author).build(story)
    return buf.getvalue()


def bare_pyhanko(pdf: bytes, signer: Any, page: int, box: tuple[int, int, int, int]) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(
        field_name="Signature", md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES
    )
    out = io.BytesIO()
    signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf)),
        meta,
        signer=signer,
        new_field_spec=fields.SigFieldSpec("Signature", on_page=page, box=box),
        output=out,
    )
    return out.getvalue()


def clone_audits(ctx: AppContext, template_id: int, count: int) -> None:
    """`count` copies of one completed audit (answers and evidence rows too), spread over a
    year, inserted in bulk: building them through the autosave service would take minutes."""
    with ctx.db.session() as s:
        audit = s.execute(select(Audit.__table__).where(Audit.id == template_id)).mappings().one()
        answers = (
            s.execute(select(AuditAnswer.__table__).where(AuditAnswer.audit_id == template_id))
            .mappings()
            .all()
        )
        evidence = (
            s.execute(select(Evidence.__table__).where(Evidence.audit_id == template_id))
            .mappings()
            .all()
        )
        seq = s.scalar(select(Audit.seq).where(Audit.year == YEAR).order_by(Audit.seq.desc()))
        for n in range(count):
            row = dict(audit)
            row.pop("id")
            seq += 1
            visited = audit["visited_at"].replace(year=YEAR, month=1, day=1) + timedelta(
                days=n % 360
            )
            row.update(
                uid=str(uuid.uuid4()),
                year=YEAR,
                seq=seq,
                record_no=f"TK/{YEAR}/{seq:04d}",
                visited_at=visited,
                period=visited.strftime("%Y-%m"),
            )
            new_id = s.execute(insert(Audit.__table__).values(**row)).inserted_primary_key[0]
            s.execute(
                insert(AuditAnswer.__table__),
                [
                    {**{k: v for k, v in a.items() if k != "id"}, "audit_id": new_id}
                    for a in answers
                ],
            )
            if evidence:
                s.execute(
                    insert(Evidence.__table__),
                    [
                        {**{k: v for k, v in e.items() if k != "id"}, "audit_id": new_id}
                        for e in evidence
                    ],
                )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="keep the database and export in DIR")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-protocols-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(str(folder / "bench.sqlite"))
    ctx = AppContext(db, Actor.system())
    create_demo(ctx)
    photo = folder / "zdjęcie.jpg"
    from auditdesk.reports.specimen import specimen_photo

    photo.write_bytes(specimen_photo(7))
    template = completed_audit(ctx, unit="BOK", day=1, year=YEAR, evidence=photo)
    cert = create_certificate("Józef Źdźbło", folder / "bench.p12", PASSWORD)

    doc = protocols.build_document(ctx, "audit", template)
    rendered = render_protocol(doc)
    ours_render = median_time(lambda: render_protocol(doc), args.runs)
    bare_render = median_time(lambda: bare_reportlab(doc), args.runs)

    from pyhanko.sign import signers

    ours_signer = load_pkcs12_signer(cert.p12, PASSWORD)
    bare_signer = signers.SimpleSigner.load_pkcs12(str(cert.p12), passphrase=PASSWORD)
    request = SignRequest("Zatwierdzenie protokołu", "Łódź", rendered.stamp)
    ours_sign = median_time(lambda: sign_pdf(rendered.pdf, ours_signer, request), args.runs)
    bare_sign = median_time(
        lambda: bare_pyhanko(rendered.pdf, bare_signer, rendered.stamp.page, rendered.stamp.box),
        args.runs,
    )

    clone_audits(ctx, template, args.count - 1)
    flt = ExportFilter(date(YEAR, 1, 1), date(YEAR, 12, 31), "BOK", "audit")
    options = SignOptions(Pkcs12Source(cert.p12, PASSWORD), "Zatwierdzenie protokołu", "Łódź")
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    result = export_all(ctx, folder / "export", flt, sign=options)
    export_seconds = time.perf_counter() - started
    cpu_after = _cpu_seconds()
    main_cpu, workers_cpu = (a - b for a, b in zip(cpu_after, cpu_before, strict=True))
    if len(result.files) != args.count or result.signed_now != args.count:
        print(
            f"expected {args.count} signed files, got {len(result.files)} "
            f"({result.signed_now} signed); problems: {result.problems[:5]}",
            file=sys.stderr,
        )
        return 1
    figures = {
        "cpu_cores": os.cpu_count(),
        "render_ms": round(ours_render * 1000, 1),
        "bare_reportlab_ms": round(bare_render * 1000, 1),
        "render_ratio": round(ours_render / bare_render, 2),
        "pages": rendered.pages,
        "sign_ms": round(ours_sign * 1000, 1),
        "bare_pyhanko_ms": round(bare_sign * 1000, 1),
        "sign_ratio": round(ours_sign / bare_sign, 2),
        "export_count": args.count,
        "export_signed_s": round(export_seconds, 1),
        "export_cpu_s": round(main_cpu + workers_cpu, 1),  # this process and its workers
        "export_main_cpu_ms_per_protocol": round(main_cpu / args.count * 1000, 1),
        "export_workers_cpu_ms_per_protocol": round(workers_cpu / args.count * 1000, 1),
        "export_per_protocol_ms": round(export_seconds / args.count * 1000, 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "targets_met": {
            "render<=1.5x": ours_render <= 1.5 * bare_render,
            "sign<=1.2x": ours_sign <= 1.2 * bare_sign,
            "export<60s": export_seconds < 60 if args.count >= 1000 else None,
        },
    }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    db.dispose()
    if args.keep is None:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":  # the export's worker processes import this file again
    sys.exit(main())
