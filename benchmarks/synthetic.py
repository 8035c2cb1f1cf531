"""Synthetic companies for benchmarks: plausible figures for exactly what each region's
measures read (so the engine does real work), deterministic for a given seed."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from polcalc.engine.catalog import Catalog
from polcalc.engine.compiled import load_catalog
from polcalc.engine.reads import fields_used

INDUSTRIES = {
    "xishan": [
        "equipment_manufacturing",
        "phosphorus_chemical",
        "catering",
        "retail",
        "wholesale",
        "software_it",
        "finance",
        "construction",
        "culture_creative",
        "healthcare",
    ],
    "anning": ["equipment_manufacturing", "chemical", "food_manufacturing", "building_materials"],
    "xinzhou": ["mining", "equipment_manufacturing", "chemical", "utilities"],
    "yangquan-chengqu": ["building_materials", "mining", "equipment_manufacturing", "food_manufacturing"],
}


def _amount(rng: random.Random, unit: str, scale: float) -> Any:
    if unit == "count":
        return int(rng.uniform(5, 600) * scale**0.3)
    if unit == "ratio":
        return f"{rng.randint(0, 100)}%"
    if unit == "rank":  # a district ranking: 1 is first
        return rng.randint(1, 30)
    value = int(rng.lognormvariate(16, 1.3) * scale)  # median around 900万
    if unit not in ("yuan", "usd"):
        return value // 1000  # tonnes, m², mu: plain numbers
    return f"{Decimal(value) / 10_000:.2f}万" if rng.random() < 0.5 else value


def profile(rng: random.Random, catalog: Catalog, region: str, index: int) -> dict[str, Any]:
    vocab = catalog.vocabulary
    uses = fields_used(catalog, region)
    data: dict[str, Any] = {
        "name": f"合成企业{index:06d}",
        "region": region,
        "industry": rng.choice(INDUSTRIES[region]),
        "size": rng.choice(["micro", "small", "medium", "large"]),
        "status": {},
        "years": {},
        "months": {},
        "events": [],
    }
    scale = rng.uniform(0.2, 5)
    for (section, name), use in uses.items():
        if rng.random() < 0.4:
            continue  # a real profile fills in some of what could be asked
        if section == "status":
            data["status"][name] = rng.random() < 0.4
        elif section == "figure":
            growth = rng.uniform(0.85, 1.35)
            for year in sorted(use.years):
                value = _amount(rng, vocab.figures[name].unit, scale * growth ** (year - 2018))
                data["years"].setdefault(str(year), {})[name] = value
        elif section == "month_figure":
            for year in sorted(use.years):
                for month in (1, 2, 3):
                    data["months"].setdefault(f"{year}-{month:02d}", {})[name] = _amount(rng, "yuan", scale)
        elif section == "event" and rng.random() < 0.1 and "accident" not in name:
            data["events"].append({"kind": name, "year": max(y for u in uses.values() for y in u.years) or 2020})
    return data


def population(n: int, seed: int = 2026) -> list[dict[str, Any]]:
    catalog = load_catalog()
    rng = random.Random(seed)
    regions = list(INDUSTRIES)
    return [profile(rng, catalog, regions[i % len(regions)], i) for i in range(n)]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_toml(data: dict[str, Any]) -> str:
    lines = [f"{k} = {_toml_value(data[k])}" for k in ("name", "region", "industry", "size")]
    if data["status"]:
        lines += ["", "[status]", *(f"{k} = {_toml_value(v)}" for k, v in data["status"].items())]
    for year, figures in sorted(data["years"].items()):
        lines += ["", f"[years.{year}]", *(f"{k} = {_toml_value(v)}" for k, v in figures.items())]
    for month, figures in sorted(data["months"].items()):
        lines += ["", f'[months."{month}"]', *(f"{k} = {_toml_value(v)}" for k, v in figures.items())]
    for event in data["events"]:
        lines += ["", "[[events]]", f'kind = "{event["kind"]}"', f"year = {event['year']}"]
    return "\n".join(lines) + "\n"


def to_csv_rows(data: dict[str, Any]) -> dict[str, str]:
    row = {k: str(data[k]) for k in ("name", "region", "industry", "size")}
    row.update({f"status_{k}": "true" if v else "false" for k, v in data["status"].items()})
    for year, figures in data["years"].items():
        row.update({f"{k}_{year}": str(v) for k, v in figures.items()})
    for month, figures in data["months"].items():
        y, m = month.split("-")
        row.update({f"{k}_{y}_{m}": str(v) for k, v in figures.items()})
    for event in data["events"]:
        row[f"event_{event['kind']}"] = str(event["year"])
    return row
