"""Sub-commands for protocols: export (one or all, signed or not), sign, verify, cert create."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditdesk.cli.choices import KEY_TYPES, PROTOCOL_KINDS
from auditdesk.cli.common import open_context, out
from auditdesk.cli.lang import add_dialect_option, csv_dialect, number, t

if TYPE_CHECKING:  # signing, PDF and XLSX are imported by the commands that use them (issue 14)
    from concurrent.futures import ProcessPoolExecutor

    from tqdm import tqdm


def _date(text: str) -> date:
    for parse in (date.fromisoformat, lambda t: date(*reversed([int(x) for x in t.split(".")]))):
        try:
            return parse(text)
        except (ValueError, TypeError):
            continue
    raise argparse.ArgumentTypeError(f"{text!r}: give a date as YYYY-MM-DD or DD.MM.YYYY")


def secret(env_name: str | None, prompt: str, *, confirm: bool = False) -> str:
    """A password from the variable named by --password-env, else asked on the terminal.
    Never stored, never echoed."""
    from auditdesk.domain.errors import ValidationFailed

    if env_name:
        value = os.environ.get(env_name)
        if value is None:
            raise ValidationFailed(
                "--password-env {variable}: that environment variable is not "
                "set; export it first, or leave the option out to be asked",
                variable=env_name,
            )
        return value
    if not sys.stdin.isatty():
        raise ValidationFailed("no terminal to ask for the password: use --password-env VAR")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != value:
        raise ValidationFailed("the two passwords differ; nothing was written")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser("protocols", help="protocol PDFs of audits and appraisals")
    psub = p.add_subparsers(dest="protocols_command", metavar="ACTION", required=True)

    e = psub.add_parser("export", help="every matching protocol as PDF, with index.csv/.xlsx")
    e.add_argument("--out", required=True, type=Path, metavar="DIR")
    e.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    e.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    e.add_argument("--unit", metavar="UNIT", help="unit code (sub-units included)")
    e.add_argument("--kind", choices=PROTOCOL_KINDS)
    add_dialect_option(e)
    signing = e.add_mutually_exclusive_group()
    signing.add_argument(
        "--sign",
        type=Path,
        metavar="FILE.p12",
        help="sign every unsigned protocol with this PKCS#12 (locks the records)",
    )
    signing.add_argument(
        "--sign-token",
        action="store_true",
        help="sign every unsigned protocol on the card or token named in the settings (PIN asked)",
    )
    e.add_argument(
        "--password-env", metavar="VAR", help="environment variable with the password or PIN"
    )
    e.add_argument("--reason", default="Zatwierdzenie protokołu")
    e.add_argument("--location", default="")
    e.add_argument("--zip", action="store_true", help=f"one {'protokoly.zip'} instead of files")
    e.add_argument("--jobs", type=int, default=0, help="worker processes (default: CPU cores)")
    e.set_defaults(func=cmd_export)

    one = psub.add_parser("pdf", help="the protocol of one record as a PDF file")
    one.add_argument("kind", choices=PROTOCOL_KINDS)
    one.add_argument("record_id", type=int, metavar="ID")
    one.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    one.set_defaults(func=cmd_pdf)

    s = psub.add_parser("sign", help="sign one record's protocol (PAdES) and lock the record")
    s.add_argument("kind", choices=PROTOCOL_KINDS)
    s.add_argument("record_id", type=int, metavar="ID")
    src = s.add_mutually_exclusive_group(required=True)
    src.add_argument("--p12", type=Path, metavar="FILE.p12")
    src.add_argument(
        "--pkcs11", action="store_true", help="the token and key named in the settings (PIN asked)"
    )
    s.add_argument("--password-env", metavar="VAR", help="variable with the password or PIN")
    s.add_argument("--reason", default="")
    s.add_argument("--location", default="")
    s.add_argument("--out", type=Path, metavar="FILE.pdf", help="also write the signed PDF")
    s.set_defaults(func=cmd_sign)

    c = sub.add_parser("cert", help="signing certificates")
    csub = c.add_subparsers(dest="cert_command", metavar="ACTION", required=True)
    cc = csub.add_parser("create", help="a self-issued (NOT qualified) certificate as PKCS#12")
    cc.add_argument("--name", required=True, help="the signer's full name")
    cc.add_argument("--out", required=True, type=Path, metavar="FILE.p12")
    cc.add_argument("--organisation", default="", metavar="ORG")
    cc.add_argument("--email", default="")
    cc.add_argument(
        "--key",
        choices=KEY_TYPES,
        default="rsa",
        help="the key: RSA 2048 (default; every PDF viewer checks it), EC P-256, or Ed25519 "
        "(some viewers, e.g. poppler's, cannot check Ed25519)",
    )
    cc.add_argument("--password-env", metavar="VAR")
    cc.set_defaults(func=cmd_cert_create)

    v = sub.add_parser(
        "verify",
        help="check a signed protocol; exit 0 intact, 1 tampered or unsigned, 2 unreadable",
    )
    v.add_argument("file", type=Path, metavar="FILE.pdf")
    v.add_argument(
        "--trust",
        type=Path,
        action="append",
        metavar="CERT.pem",
        help="certificate(s) to trust as signers or their issuers",
    )
    v.set_defaults(func=cmd_verify)


class _Bar:
    def __init__(self) -> None:
        self.bar: tqdm[Any] | None = None

    def __call__(self, done: int, total: int, text: str) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="PDF", disable=not sys.stderr.isatty(), leave=False)
        self.bar.n = done
        self.bar.set_postfix_str(text, refresh=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def cmd_export(args: argparse.Namespace) -> int:
    from auditdesk.reports.batch import early_pool

    # Issue 14: the drawing workers are forked first, from a process that has loaded almost
    # nothing yet, and load reportlab while this one imports the database code and signs in
    drawers = early_pool(args.jobs or os.cpu_count() or 1)
    try:
        return _export(args, drawers)
    finally:
        if drawers is not None:
            drawers.shutdown(wait=True, cancel_futures=True)


def _export(args: argparse.Namespace, drawers: ProcessPoolExecutor | None) -> int:
    # the collector is held while these load and the user signs in (cli.common.hold_collector)
    from auditdesk.reports.batch import Pkcs11Source, Pkcs12Source, SignOptions
    from auditdesk.services.protocols.export import ExportFilter, export_all
    from auditdesk.settings import Settings

    ctx = open_context(args)
    sign = None
    settings = Settings.load()
    source: Pkcs12Source | Pkcs11Source | None = None
    if args.sign is not None:
        password = secret(args.password_env, f"Password for {args.sign}: ")
        source = Pkcs12Source(args.sign, password.encode("utf-8"))
    elif args.sign_token:
        pin = secret(args.password_env, f"PIN for token {settings.pkcs11_token_label}: ")
        source = Pkcs11Source(
            settings.pkcs11_module, settings.pkcs11_token_label, settings.pkcs11_key_label, pin
        )
    if source is not None:
        sign = SignOptions(source, args.reason, args.location, settings.tsa_url)
    flt = ExportFilter(args.date_from, args.date_to, args.unit, args.kind)
    bar = _Bar()
    try:
        result = export_all(
            ctx,
            args.out,
            flt,
            sign=sign,
            make_zip=args.zip,
            on_progress=bar,
            workers=args.jobs or None,
            dialect=csv_dialect(args),
            drawers=drawers,
        )
    finally:
        bar.close()
    for problem in result.problems:
        out(f"PROBLEM {problem}")
    where = result.zip_path or result.out_dir
    out(
        t(
            "Exported {files} of {total} protocol(s) to {path} in {seconds} s ({signed} signed "
            "now, {stored} already signed, as stored)",
            files=len(result.files),
            total=result.total,
            path=where,
            seconds=number(result.seconds),
            signed=result.signed_now,
            stored=result.from_store,
        )
    )
    if result.index_csv:
        out(t("Index: {csv}, {xlsx}", csv=result.index_csv, xlsx=result.index_xlsx))
    return 1 if result.problems else 0


def _write_pdf(out: Path, pdf: bytes) -> None:
    """Owner-only (0600, a created folder 0700: auditdesk.files), via a temporary name."""
    from auditdesk.files import private_dir, write_private_bytes

    private_dir(out.parent)
    tmp = out.with_name(f".{out.name}.part")
    write_private_bytes(tmp, pdf)
    tmp.replace(out)


def cmd_pdf(args: argparse.Namespace) -> int:
    from auditdesk.services import protocols

    ctx = open_context(args)
    exported = protocols.export_protocol(ctx, args.kind, args.record_id)
    _write_pdf(args.out, exported.pdf)
    state = f"signed by {exported.signer}" if exported.signed else "not signed"
    out(f"{args.out}: {exported.record_number}, {state}, SHA-256 {exported.sha256}")
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    from auditdesk.services import protocols
    from auditdesk.settings import Settings

    ctx = open_context(args)
    settings = Settings.load()
    options = {"reason": args.reason, "location": args.location, "tsa_url": settings.tsa_url}
    if args.p12 is not None:
        password = secret(args.password_env, f"Password for {args.p12}: ")
        exported = protocols.sign_with_pkcs12(
            ctx, args.kind, args.record_id, args.p12, password.encode("utf-8"), **options
        )
    else:
        pin = secret(args.password_env, f"PIN for token {settings.pkcs11_token_label}: ")
        exported = protocols.sign_with_pkcs11(
            ctx,
            args.kind,
            args.record_id,
            module=settings.pkcs11_module,
            token=settings.pkcs11_token_label,
            key=settings.pkcs11_key_label,
            pin=pin,
            **options,
        )
    if args.out is not None:
        _write_pdf(args.out, exported.pdf)
    out(
        f"Signed {args.kind} {exported.record_number} as {exported.signer}; SHA-256 "
        f"{exported.sha256}. The record is now locked."
    )
    return 0


def cmd_cert_create(args: argparse.Namespace) -> int:
    from auditdesk.reports.certs import NOT_QUALIFIED, create_certificate
    from auditdesk.services.clock import SYSTEM_CLOCK

    password = secret(args.password_env, f"Password for {args.out}: ", confirm=True)
    if not password:
        out("warning: the PKCS#12 file has no password; anyone with the file can sign")
    made = create_certificate(
        args.name,
        args.out,
        password.encode("utf-8"),
        organisation=args.organisation,
        email=args.email,
        key_type=args.key,
        now=SYSTEM_CLOCK.now(),
    )
    out(f"Created {made.p12} (key and certificate) and {made.pem} (certificate, for --trust)")
    out(f"Subject: {made.subject}")
    out(f"SHA-256 fingerprint: {made.fingerprint_sha256}")
    out(f"Valid until: {made.not_after:%Y-%m-%d}")
    out(f"Note: {NOT_QUALIFIED}. It is not a qualified electronic signature.")
    return 0


def _verify_context(args: argparse.Namespace) -> Any:
    from auditdesk.store.db import ENV_VAR, default_database_path

    if getattr(args, "db", None) or os.environ.get(ENV_VAR) or default_database_path().exists():
        return open_context(args)
    return None


def cmd_verify(args: argparse.Namespace) -> int:
    from auditdesk.domain.errors import AuditDeskError
    from auditdesk.logs import setup_file_logging
    from auditdesk.services import protocols

    # what pyHanko notes while validating (with tracebacks) goes to the log file, not here
    setup_file_logging()
    try:
        ctx = _verify_context(args)
    except AuditDeskError as exc:
        out(f"database not checked: {exc}")
        ctx = None
    report = protocols.verify_protocol_file(ctx, args.file, args.trust)
    res = report.result
    out(f"File: {args.file}")
    out(f"SHA-256: {res.sha256}")
    if not res.signed:
        out("Signed: no (the file carries no signature)")
        return 1
    for sig in res.signatures:
        when = sig.signing_time.strftime("%Y-%m-%d %H:%M:%S %Z") if sig.signing_time else "?"
        out(f"Signer: {sig.signer}")
        out(f"Signing time: {when}{' (time-stamped)' if sig.timestamped else ''}")
        out(f"Intact: {'yes' if sig.intact else 'NO - the file was changed after signing'}")
        trusted = {None: "not checked (give --trust CERT.pem)", True: "yes", False: "NO"}[
            sig.trusted
        ]
        out(f"Trusted: {trusted}")
        out(f"Certificate: {'qualified' if sig.qualified else 'not qualified'}")
    if not report.db_checked:
        out("Database copy: not checked (no database)")
    elif report.stored_as:
        out(f"Database copy: matches the stored protocol of {report.stored_as}")
    else:
        out("Database copy: NO stored protocol has this SHA-256")
    return report.exit_code
