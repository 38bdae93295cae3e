"""overview_summaries: the settled EZD cases per unit and day and the survey answers per
unit, form version, question, answer and month, which the overview reads instead of a million
cases and every answer (issue 17); filled here from the rows already stored

Revision ID: 0018_overview_summaries
Revises: 0011_overview (the overview's area, after case_record). The survey summary is filled
when 0006_surveys ran first; when it runs later there are no responses to sum yet.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0018_overview_summaries"
down_revision = "0011_overview"
branch_labels = ("overview_summaries",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_settled_day",
        sa.Column("settled_on", sa.Date(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("judged", sa.Integer(), nullable=False),
        sa.Column("on_time", sa.Integer(), nullable=False),
        sa.Column("no_deadline", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_case_settled_day_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("settled_on", "unit_id", name=op.f("pk_case_settled_day")),
    )
    op.execute(
        "INSERT INTO case_settled_day (settled_on, unit_id, judged, on_time, no_deadline) "
        "SELECT settled_on, unit_id, count(days_late), "
        "coalesce(sum(CASE WHEN days_late = 0 THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN due_on IS NULL THEN 1 ELSE 0 END), 0) "
        "FROM case_record WHERE settled_on IS NOT NULL AND unit_id IS NOT NULL "
        "GROUP BY settled_on, unit_id"
    )
    op.create_table(
        "survey_response_month",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("form_version_id", sa.Integer(), nullable=False),
        sa.Column("responses", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["form_version_id"],
            ["form_version.id"],
            name=op.f("fk_survey_response_month_form_version_id_form_version"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_survey_response_month_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint(
            "month", "unit_id", "form_version_id", name=op.f("pk_survey_response_month")
        ),
    )
    op.create_table(
        "survey_answer_month",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("form_version_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["form_version_id"],
            ["form_version.id"],
            name=op.f("fk_survey_answer_month_form_version_id_form_version"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_survey_answer_month_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint(
            "month",
            "unit_id",
            "form_version_id",
            "question_id",
            "value",
            name=op.f("pk_survey_answer_month"),
        ),
    )
    _fill_surveys()


def _month(day: date | str) -> date:
    if isinstance(day, str):  # SQLite returns a date of a raw query as its text
        day = date.fromisoformat(day[:10])
    return day.replace(day=1)


def _fill_surveys() -> None:
    """Counted per day in SQL (the same on both stores), folded into months here."""
    conn = op.get_bind()
    if not sa.inspect(conn).has_table("survey_response"):
        return  # 0006_surveys comes after this revision: no responses yet
    responses: Counter[tuple[date, int, int]] = Counter()
    for day, unit, version, n in conn.execute(
        sa.text(
            "SELECT r.answered_on, r.unit_id, c.form_version_id, count(*) FROM survey_response r"
            " JOIN survey_campaign c ON c.id = r.campaign_id WHERE r.unit_id IS NOT NULL"
            " GROUP BY r.answered_on, r.unit_id, c.form_version_id"
        )
    ):
        responses[(_month(day), int(unit), int(version))] += int(n)
    answers: Counter[tuple[date, int, int, str, str]] = Counter()
    for day, unit, version, question, value, n in conn.execute(
        sa.text(
            "SELECT r.answered_on, r.unit_id, c.form_version_id, a.question_id, a.value, count(*)"
            " FROM survey_answer a JOIN survey_response r ON r.id = a.response_id"
            " JOIN survey_campaign c ON c.id = r.campaign_id WHERE r.unit_id IS NOT NULL"
            " GROUP BY r.answered_on, r.unit_id, c.form_version_id, a.question_id, a.value"
        )
    ):
        answers[(_month(day), int(unit), int(version), question, value)] += int(n)
    response_table = sa.table(
        "survey_response_month",
        sa.column("month", sa.Date()),
        sa.column("unit_id", sa.Integer()),
        sa.column("form_version_id", sa.Integer()),
        sa.column("responses", sa.Integer()),
    )
    answer_table = sa.table(
        "survey_answer_month",
        sa.column("month", sa.Date()),
        sa.column("unit_id", sa.Integer()),
        sa.column("form_version_id", sa.Integer()),
        sa.column("question_id", sa.String()),
        sa.column("value", sa.Text()),
        sa.column("n", sa.Integer()),
    )
    if responses:
        op.bulk_insert(
            response_table,
            [
                {"month": m, "unit_id": u, "form_version_id": v, "responses": n}
                for (m, u, v), n in responses.items()
            ],
        )
    if answers:
        op.bulk_insert(
            answer_table,
            [
                {
                    "month": m,
                    "unit_id": u,
                    "form_version_id": v,
                    "question_id": q,
                    "value": a,
                    "n": n,
                }
                for (m, u, v, q, a), n in answers.items()
            ],
        )


def downgrade() -> None:
    op.drop_table("survey_answer_month")
    op.drop_table("survey_response_month")
    op.drop_table("case_settled_day")
