"""The migration scripts' heads, written down so that opening a database that is already
current needs no alembic (issue 14: alembic costs about a tenth of a second to import and more
to read its scripts). `store.migrate.schema_state` trusts these only while the scripts folder
holds exactly SCRIPT_FILES; otherwise it asks alembic. tests/store/test_schema_heads.py checks
both against alembic's ScriptDirectory and prints the new values when a migration is added.
"""

from __future__ import annotations

# the revision ids of ScriptDirectory.get_heads()
HEADS = frozenset(
    {
        "0004_protocols",
        "0006_surveys",
        "0017_appraisal_version",
        "0010_sync",
        "0013_conversations",
        "0015_actions",
        "0014_personal_data",
        "0012_plan",
        "0018_overview_summaries",
        "0019_overview_indexes",
        "0021_case_partial_indexes",
    }
)

# the migration scripts (file names in store/migrations/versions) these heads were read from
SCRIPT_FILES = frozenset(
    {
        "0001_foundation.py",
        "0002_audits.py",
        "0003_appraisals.py",
        "0004_protocols.py",
        "0005_security.py",
        "0006_surveys.py",
        "0007_indicators.py",
        "0008_cases.py",
        "0009_integrity.py",
        "0010_sync.py",
        "0011_overview.py",
        "0012_plan.py",
        "0013_conversations.py",
        "0015_actions.py",
        "0014_personal_data.py",
        "0017_appraisal_version.py",
        "0018_overview_summaries.py",
        "0019_overview_indexes.py",
        "0020_case_rules.py",
        "0021_case_partial_indexes.py",
    }
)
