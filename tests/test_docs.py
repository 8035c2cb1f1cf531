"""The README's commands, CI and the generated docs stay in step with the code."""

from __future__ import annotations

from pathlib import Path

from polcalc.formats.profile_doc import generate

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_readme_opens_with_the_two_setup_commands():
    install, tests = _readme_commands()
    assert "pip install -e" in install and "polcalc check sample_companies/" in install
    assert tests == "python -m pytest"


def test_ci_runs_the_readmes_test_command_and_its_sample():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    install, tests = _readme_commands()
    assert tests in ci
    sample = install.split("&& ", 3)[-1]
    assert sample in ci


def test_readme_sample_exists():
    install, _ = _readme_commands()
    path = install.split("polcalc check ", 1)[1].split()[0]
    assert (ROOT / path).is_file()


def test_profile_docs_are_generated_from_the_current_rules():
    assert (ROOT / "docs" / "profile.md").read_text(encoding="utf-8") == generate(), (
        "docs/profile.md is stale: run python -m polcalc.formats.profile_doc > docs/profile.md"
    )


def test_every_command_is_documented_in_the_readme():
    from polcalc.cli.app import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    for name in names:
        assert f"polcalc {name}" in readme, name


def test_readme_measure_counts_match_the_rules():
    import re

    from polcalc.engine.compiled import load_catalog

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    catalog = load_catalog()
    total = re.search(r"every article of each \((\d+) measures\)", readme)
    assert total and int(total[1]) == len(catalog.measures)
    for pid in catalog.policies:
        row = re.search(rf"\| `{re.escape(pid)}` \|[^\n]*\| (\d+) \|", readme)
        assert row and int(row[1]) == len(catalog.measures_for(policy=pid)), pid
