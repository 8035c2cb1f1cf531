"""`polcalc init [FILE]`: a new company profile, by a short questionnaire or as a commented template.

Questions go to stderr and answers come from stdin, so the profile itself can go to stdout. Only
the keys the region's measures read are asked, grouped by year; Enter skips a key or a whole group.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from polcalc.cli.options import LangOption, handle_errors
from polcalc.cli.usage import did_you_mean, resolve_lang
from polcalc.i18n.words import word
from polcalc.model.vocabulary import SIZES

if TYPE_CHECKING:
    from polcalc.engine.catalog import Catalog
    from polcalc.formats.profile_template import Answers, RegionKeys

_YES = {"y", "yes", "是", "true", "1"}
_NO = {"n", "no", "否", "false", "0"}


@handle_errors
def init(
    file: Annotated[
        str | None, typer.Argument(help="Where to write the profile; - or nothing: standard output.")
    ] = None,
    region: Annotated[
        str | None,
        typer.Option("--region", "-r", help="A region id, as `polcalc list` shows them; given: write a template."),
    ] = None,
    industry: Annotated[str | None, typer.Option("--industry", "-i", help="The industry key, e.g. catering.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="The company's name.")] = None,
    size: Annotated[str | None, typer.Option("--size", help="micro, small, medium or large.")] = None,
    ask: Annotated[
        bool | None,
        typer.Option("--ask/--no-ask", help="Ask questions (default: only when no --region is given)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
    schema: Annotated[
        str | None,
        typer.Option("--schema", help="Path written on the #:schema line (default: docs/profile.schema.json)."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Write a new company profile: asks for the figures the region's measures read, or a template."""
    from polcalc.engine.compiled import load_catalog
    from polcalc.formats.profile_template import Answers, render_profile, schema_reference, shipped_schema
    from polcalc.i18n.messages import ProfileError, UsageError
    from polcalc.i18n.words import word
    from polcalc.inputs.profiles import parse_profile_text

    language = resolve_lang(lang)
    catalog = load_catalog()
    vocab = catalog.vocabulary
    for option, value, valid in (
        ("region", region, list(vocab.regions)),
        ("industry", industry, list(vocab.industries)),
        ("size", size, list(SIZES)),
    ):
        if value is not None and value not in valid:
            raise UsageError(_bad_choice(option, value, valid, language))

    target = None if file in (None, "-") else Path(file)
    if target is not None:  # before any question: never ask, then refuse to write
        if target.exists() and not force:
            raise UsageError(word("init_exists", language).format(path=file))
        if not target.parent.is_dir():
            raise UsageError(word("init_no_dir", language).format(path=file, dir=target.parent))

    if ask if ask is not None else region is None:
        answers = _Questionnaire(catalog, language, sys.stdin, sys.stderr).run(
            Answers(region=region or "", name=name, industry=industry, size=size)
        )
    else:
        if region is None:
            raise UsageError(word("init_no_answers", language).format(what="--region"))
        answers = Answers(region=region, name=name, industry=industry, size=size)

    ref = schema if schema is not None else schema_reference(target, shipped_schema())
    text = render_profile(catalog, answers, ref)
    try:  # what init writes must read back: a failure here is a bug, not bad input
        parse_profile_text(text, file or "<stdout>", vocab)
    except ProfileError as exc:
        raise RuntimeError(f"init wrote a profile check cannot read: {exc}") from None

    if target is None:
        sys.stdout.write(text)
        return
    from polcalc.core.files import atomic_write

    try:  # whole or not at all, like every file polcalc writes
        with atomic_write(target) as fh:
            fh.write(text)
    except OSError as exc:
        raise UsageError(word("init_unwritable", language).format(path=file, reason=exc.strerror)) from None
    command = f"polcalc check {file}" + _as_of_hint(catalog, answers.region)
    print(word("init_wrote", language).format(path=file, command=command), file=sys.stderr)


def _bad_choice(option: str, value: str, valid: list[str], lang: str) -> str:
    from polcalc.i18n.words import word

    return word("init_bad_option", lang).format(
        option=option, value=repr(value), suggest=did_you_mean(value, valid, lang), valid=", ".join(valid)
    )


def _as_of_hint(catalog: Catalog, region: str) -> str:
    """' --as-of D' with the last day a policy of the region is in force, so the check shows it open."""
    ends = [p.valid_to for p in catalog.policies.values() if p.region == region and not p.draft and p.valid_to]
    return f" --as-of {min(ends).isoformat()}" if ends else ""


class _Questionnaire:
    """Reads one answer per line; at the end of the input every later question is skipped."""

    def __init__(self, catalog: Catalog, lang: str, inp: TextIO, out: TextIO) -> None:
        self.catalog = catalog
        self.vocab = catalog.vocabulary
        self.lang = lang
        self.inp = inp
        self.out = out
        self.ended = False

    # -- the questions, in order

    def run(self, answers: Answers) -> Answers:
        from polcalc.formats.profile_template import region_keys

        self.say(self.word("init_intro"))
        if not answers.name:
            answers.name = self.required(self.word("init_name") + ": ", "init_name")
        if not answers.region:
            answers.region = (
                self.choose(
                    self.word("init_region"),
                    [(k, f"{r.zh} {r.en}") for k, r in self.vocab.regions.items()],
                    required=True,
                )
                or ""
            )
        keys = region_keys(self.catalog, answers.region)
        if not answers.industry and keys.industry is not None:
            answers.industry = self.choose(
                self.word("init_industry"), [(k, f"{i.zh} {i.en}") for k, i in self.vocab.industries.items()]
            )
        if not answers.size and keys.size is not None:
            answers.size = self.size()
        # Now that industry and size are known: without a size, the figures it is derived from.
        keys = region_keys(self.catalog, answers.region, answers.industry, answers.size)
        self.statuses(keys, answers)
        # And with the statuses: a firm that is not a building operator is not asked for occupancy rates.
        keys = region_keys(self.catalog, answers.region, answers.industry, answers.size, answers.status)
        self.figures(keys, answers)
        self.recognitions(keys, answers)
        self.events(keys, answers)
        return answers

    def statuses(self, keys: RegionKeys, answers: Answers) -> None:
        todo = [u.name for u in keys.statuses if u.name not in answers.status]
        if not todo or not self.group(self.word("init_statuses").format(n=len(todo))):
            return
        for name in todo:
            spec = self.vocab.status[name]
            value = self.yes_no(self.word("init_status_q").format(label=f"{spec.zh} {spec.en}"))
            if value is not None:
                answers.status[name] = value

    def figures(self, keys: RegionKeys, answers: Answers) -> None:
        for year in sorted(set(keys.years) | set(keys.months)):
            uses = keys.years.get(year, [])
            if uses and self.group(self.word("init_year_figures").format(year=year, n=len(uses))):
                period = self.word("init_year_label").format(year=year)
                for use in uses:
                    value = self.figure(period, use.name)
                    if value is not None:
                        answers.years.setdefault(year, {})[use.name] = value
            monthly = keys.months.get(year, {})
            months = sorted({m for ms in monthly.values() for m in ms})
            if monthly and self.group(self.word("init_month_figures").format(year=year, months=", ".join(months))):
                for name, ms in monthly.items():
                    for month in ms:
                        value = self.figure(month, name)
                        if value is not None:
                            answers.months.setdefault(month, {})[name] = value

    def recognitions(self, keys: RegionKeys, answers: Answers) -> None:
        if not keys.recognitions or not self.group(self.word("init_recognitions").format(n=len(keys.recognitions))):
            return
        for use in keys.recognitions:
            rec = self.vocab.recognitions[use.name]
            prompt = self.word("init_level_q").format(label=f"{rec.zh} {rec.en}", levels="/".join(rec.levels))
            level = self.pick_inline(prompt, list(rec.levels))
            if level is None:
                continue
            year = self.year(self.word("init_year_q"))
            if year is not None:
                answers.recognitions.append((use.name, level, year))

    def events(self, keys: RegionKeys, answers: Answers) -> None:
        if not keys.events or not self.group(self.word("init_events").format(n=len(keys.events))):
            return
        for use in keys.events:
            event = self.vocab.events[use.name]
            year = self.year(self.word("init_event_q").format(label=f"{event.zh} {event.en}"))
            if year is not None:
                answers.events.append((use.name, year))

    # -- one kind of question each

    def figure(self, period: str, name: str) -> str | None:
        """A figure as typed, once the profile reader accepts it; None when skipped."""
        from polcalc.formats.profile_template import EXAMPLES, figure_problem

        spec = self.vocab.figures[name]
        unit = word(f"unit_{spec.unit}", self.lang)
        prompt = self.word("init_figure_q").format(
            period=period, label=f"{spec.zh} {spec.en}", unit=unit, example=EXAMPLES[spec.unit]
        )
        while (text := self.line(prompt)) is not None and text:
            problem = figure_problem(self.vocab, name, text, self.lang)
            if problem is None:
                return text
            self.say(self.word("init_try_again").format(reason=problem))
        return None

    def choose(self, title: str, options: list[tuple[str, str]], *, required: bool = False) -> str | None:
        self.say(title + ":")
        width = max(len(k) for k, _ in options)
        for i, (key, label) in enumerate(options, 1):
            self.say(f"  {i:>2}. {key:<{width}}  {label}")
        prompt = f"{self.word('init_pick' if required else 'init_pick_optional')}: "
        keys = [k for k, _ in options]
        while True:
            text = self.line(prompt)
            if text is None:
                if required:
                    self.no_answers(title)
                return None
            if not text:
                if required:
                    continue
                return None
            if text.isdigit() and 1 <= int(text) <= len(keys):
                return keys[int(text) - 1]
            if text in keys:
                return text
            self.not_a_choice(text, keys)

    def pick_inline(self, prompt: str, choices: list[str]) -> str | None:
        while (text := self.line(prompt)) is not None and text:
            if text in choices:
                return text
            if text.isdigit() and 1 <= int(text) <= len(choices):
                return choices[int(text) - 1]
            self.not_a_choice(text, choices)
        return None

    def size(self) -> str | None:
        choices = list(SIZES)
        named = {word(f"size_{s}", "zh"): s for s in SIZES}
        while (text := self.line(self.word("init_size") + ": ")) is not None and text:
            text = named.get(text, text.lower())
            if text in choices:
                return text
            if text.isdigit() and 1 <= int(text) <= 4:
                return choices[int(text) - 1]
            self.not_a_choice(text, choices)
        return None

    def year(self, prompt: str) -> int | None:
        from polcalc.model.profile import MAX_YEAR, MIN_YEAR

        while (text := self.line(prompt)) is not None and text:
            if text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR:
                return int(text)
            reason = self.word("init_bad_year").format(answer=text, low=MIN_YEAR, high=MAX_YEAR)
            self.say(self.word("init_try_again").format(reason=reason))
        return None

    def yes_no(self, prompt: str) -> bool | None:
        while (text := self.line(prompt)) is not None and text:
            if text.lower() in _YES:
                return True
            if text.lower() in _NO:
                return False
            self.say("    " + self.word("init_yes_no"))
        return None

    def group(self, what: str) -> bool:
        """Whether to ask a group of questions at all: Enter (or no more input) skips it."""
        text = self.line(self.word("init_group").format(what=what))
        return bool(text) and text.lower() in _YES

    def required(self, prompt: str, what: str) -> str:
        while (text := self.line(prompt)) is not None:
            if text:
                return text
            self.say("    " + self.word(f"{what}_needed"))
        self.no_answers(self.word(what))
        return ""  # pragma: no cover - no_answers raises

    # -- input and output

    def line(self, prompt: str) -> str | None:
        """One answer, stripped; None at the end of the input (Ctrl-D, or a script's last line)."""
        if self.ended:
            return None
        self.out.write(prompt)
        self.out.flush()
        raw = self.inp.readline()
        if not raw:
            self.ended = True
            self.out.write("\n")
            return None
        if not self.inp.isatty():  # echo scripted answers, so a transcript reads like a session
            self.out.write(raw if raw.endswith("\n") else raw + "\n")
        return raw.strip()

    def say(self, text: str) -> None:
        print(text, file=self.out)

    def word(self, key: str) -> str:
        from polcalc.i18n.words import word

        return word(key, self.lang)

    def not_a_choice(self, answer: str, choices: list[str]) -> None:
        reason = self.word("init_not_a_choice").format(
            answer=repr(answer), suggest=did_you_mean(answer, choices, self.lang)
        )
        self.say(self.word("init_try_again").format(reason=reason))

    def no_answers(self, what: str) -> None:
        from polcalc.i18n.messages import UsageError

        raise UsageError(self.word("init_no_answers").format(what=what))
