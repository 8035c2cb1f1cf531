"""docs/profile.md, generated from the rules so every key, unit and user is always current.

python -m polcalc.formats.profile_doc > docs/profile.md      (tests/test_docs.py checks it is up to date)
"""

from __future__ import annotations

from polcalc.engine.catalog import Catalog
from polcalc.engine.compiled import load_catalog
from polcalc.engine.reads import fields_used

INTRO = """\
# Company profile format

A profile is a TOML file describing one company. polcalc reads only what is written: a figure
left out is unknown, and a measure that needs it reports `needs_data` naming the key to add.
This page is generated from the rules (`python -m polcalc.formats.profile_doc`); the keys per region below
are exactly those the region's measures read.

```toml
#:schema ../docs/profile.schema.json
name = "示例精工机械有限公司"       # required
region = "{region}"{pad}# required: {regions}
industry = "equipment_manufacturing" # see the list below
size = "medium"                      # micro, small, medium, large (工信部联企业〔2011〕300号)

[status]                             # true/false; left out = unknown
above_scale = true
strategic_emerging = false

[years.2019]                         # figures of a calendar year
industrial_output = "2亿"
[years.2020]
industrial_output = "2.3亿"

[months."2023-01"]                   # monthly figures, where a measure reads months
industrial_output = "1200万"

[[recognitions]]                     # titles obtained: kind, level, year
kind = "little_giant"
level = "national"
year = 2021

[[events]]                           # things that happened: kind, year
kind = "first_above_scale"
year = 2020
```

## Values

- Money in yuan: a number (`3000000`) or a string as people write it: `"3000万"`, `"1.2亿"`,
  `"3,000,000"`. Chinese numerals (`"三千万"`) are refused: write digits.
- Counts (staff, layoffs) are whole numbers; areas in m² or 亩 and tonnes are plain numbers;
  USD figures (unit `usd`) are dollars.
- No amount may be negative. Unknown keys are errors naming the nearest valid key.
- `[[recognitions]]` and `[[events]]` list what happened; one not listed did not happen.
  A status left out of `[status]` is unknown (a measure needing it reports `needs_data`),
  except `above_scale`, derived from `revenue` and the industry's statistical threshold when
  not given. Likewise a `size` left out is derived from the year's `employees`, `revenue` and,
  where the industry's row uses it, `total_assets` (工信部联企业〔2011〕300号); a given label
  always wins, and `explain` shows the derivation.
- A year's figures are those of the calendar year; "上年度" in a policy is the year before the
  policy's year (see each measure's `interpretation` in `polcalc explain`).
"""


def _industries(catalog: Catalog) -> str:
    rows = ["| industry | 行业 | groups |", "|---|---|---|"]
    for key, ind in catalog.vocabulary.industries.items():
        rows.append(f"| `{key}` | {ind.zh} | {', '.join(ind.groups)} |")
    return "\n".join(rows)


def _years(use) -> str:
    years = sorted(use.years)
    text = ", ".join(map(str, years))
    if use.all_years_before:
        text += f"; every year before {use.all_years_before} (first-time tests)"
    return text


def _region(catalog: Catalog, region: str) -> str:
    vocab = catalog.vocabulary
    uses = fields_used(catalog, region)
    lines = [f"## {vocab.regions[region].zh} (`{region}`)", ""]
    lines += ["| key | unit | meaning | years | read by |", "|---|---|---|---|---|"]
    order = {
        "industry": 0,
        "size": 1,
        "status": 2,
        "figure": 3,
        "derivation": 4,
        "month_figure": 5,
        "recognition": 6,
        "event": 7,
    }
    for (section, name), use in sorted(uses.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])):
        measures = ", ".join(m.split(":", 1)[1] for m in use.measures)
        if section == "figure":
            spec = vocab.figures[name]
            key, unit, meaning, years = f"years.YYYY.{name}", spec.unit, f"{spec.zh} / {spec.en}", _years(use)
        elif section == "derivation":
            spec = vocab.figures[name]
            key, unit, years = f"years.YYYY.{name}", spec.unit, _years(use)
            meaning = f"{spec.zh} / {spec.en} — only to derive `size` or `above_scale` when not given"
        elif section == "month_figure":
            spec = vocab.figures[name]
            key, unit, meaning = f'months."YYYY-MM".{name}', spec.unit, f"{spec.zh} / {spec.en}"
            years = ", ".join(map(str, sorted(use.years)))
        elif section == "status":
            spec = vocab.status[name]
            key, unit, meaning, years = f"status.{name}", "true/false", f"{spec.zh} / {spec.en}", ""
        elif section == "recognition":
            spec = vocab.recognitions[name]
            key, unit, meaning, years = (
                f"recognitions: kind = {name}",
                "level: " + ", ".join(spec.levels),
                f"{spec.zh} / {spec.en}",
                "",
            )
        elif section == "event":
            spec = vocab.events[name]
            key, unit, meaning, years = f"events: kind = {name}", "year", f"{spec.zh} / {spec.en}", ""
        else:
            key, unit, meaning, years = name, "word", "see the lists above", ""
        lines.append(f"| `{key}` | {unit} | {meaning} | {years} | {measures} |")
    return "\n".join(lines)


def generate(catalog: Catalog | None = None) -> str:
    catalog = catalog or load_catalog()
    region = catalog.regions[0]
    intro = INTRO.format(region=region, pad=" " * max(1, 26 - len(region)), regions=", ".join(catalog.regions))
    parts = [intro, "## Industries\n", _industries(catalog), ""]
    parts += [
        "## Keys each region's measures read",
        "",
        "`read by` lists the articles (ids without the policy prefix) whose measures read the key.",
        "",
    ]
    for region in catalog.vocabulary.regions:
        if catalog.measures_for(region=region):  # a city without a document of its own yet: nothing to fill in
            parts += [_region(catalog, region), ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(generate(), end="")
