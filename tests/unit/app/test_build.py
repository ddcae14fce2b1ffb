"""The shipped catalogue is reproducible: rebuilding it from resources/catalogue gives the same content.

When this fails after a change to a reader or the criteria parser, the committed trials.db is stale:
run ``trialmatch catalogue build`` and commit it.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from trialmatch.app.build import ATTRIBUTION, build_catalogue
from trialmatch.app.paths import bundled_catalogue
from trialmatch.catalogue.store import Action, Catalogue


@pytest.mark.slow
def test_rebuilding_the_shipped_catalogue_gives_the_same_content(tmp_path):
    rebuilt = build_catalogue(tmp_path / "trials.db")
    manifest = json.loads(
        (resources.files("trialmatch_resources") / "catalogue" / "manifest.json").read_text(encoding="utf-8")
    )
    records = sum(entry["records"] for entry in manifest)
    report = rebuilt.report
    assert (
        report.count(Action.IMPORTED) + report.count(Action.UPDATED) + report.count(Action.SKIPPED) == records
    )
    with Catalogue.open(rebuilt.target) as fresh, Catalogue.open(bundled_catalogue()) as shipped:
        assert fresh.count() == shipped.count() == rebuilt.trials
        assert fresh.meta("attribution") == shipped.meta("attribution") == ATTRIBUTION
        assert fresh.content_digest() == shipped.content_digest()
