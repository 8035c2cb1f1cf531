"""A measure as `list` shows it, and as `explain` begins: the rules' words in one language,
with its window and whether it is open on a date. No company is needed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeAlias

from polcalc.core.money import json_number
from polcalc.engine.catalog import Catalog
from polcalc.engine.compiled import is_open, window
from polcalc.engine.evaluate import measure_cap
from polcalc.model.rules import Measure
from polcalc.views.results import describe_award
from polcalc.views.view import View

Yuan: TypeAlias = int | Decimal  # an amount as json_number gives it: whole yuan, else to the fen


@dataclass(slots=True)
class MeasureView(View):
    """A measure of the rules, as `list --format json` writes it (shared/CONTRACT.md)."""

    id: str
    region: str
    policy: str
    article: str
    title: str
    title_zh: str
    title_en: str
    summary: str
    benefit: str
    department: str
    award: str
    cap: Yuan | None
    valid_from: dt.date | None
    deadline: dt.date | None
    open: bool
    draft: bool
    document_number: str | None
    issuer: str
    interpretation: str | None
    caveats: tuple[str, ...]
    stacking_group: str | None


def measure_view(measure: Measure, catalog: Catalog, as_of: dt.date, lang: str = "en") -> MeasureView:
    policy = catalog.policy_of(measure)
    start, end = window(measure, policy)
    return MeasureView(
        id=measure.id,
        region=policy.region,
        policy=policy.id,
        article=measure.article,
        title=measure.title.get(lang),
        title_zh=measure.title.zh,
        title_en=measure.title.en,
        summary=measure.summary.get(lang),
        benefit=measure.benefit,
        department=measure.department.get(lang),
        award=describe_award(measure.award, lang, catalog.vocabulary),
        cap=json_number(measure_cap(measure)),
        valid_from=start,
        deadline=end,
        open=is_open(measure, policy, as_of),
        draft=policy.draft,
        document_number=policy.document_number,
        issuer=policy.issuer.get(lang),
        interpretation=measure.interpretation.get(lang) if measure.interpretation else None,
        caveats=tuple(c.get(lang) for c in measure.caveats),
        stacking_group=measure.stacking_group,
    )


def measure_dict(measure: Measure, catalog: Catalog, as_of: dt.date, lang: str = "en") -> dict[str, Any]:
    """The measure as `list --format json` writes it."""
    return measure_view(measure, catalog, as_of, lang).as_json()
