"""Shell completion: the callbacks' candidates for a prefix, and Typer's completion wired to them."""

from __future__ import annotations

from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.cli.options import complete_lang, complete_measure, complete_policy, complete_region
from polcalc.engine.compiled import load_catalog

runner = CliRunner()


def test_regions_for_a_prefix():
    assert complete_region("xi") == ["xinzhou", "xishan"]
    assert complete_region("") == load_catalog().regions
    assert complete_region("nowhere") == []


def test_policies_for_a_prefix_with_their_titles():
    found = dict(complete_policy("yangquan"))
    assert set(found) == {"yangquan-chengqu-2023-industry", "yangquan-chengqu-2023-investment"}
    assert all(found.values())  # the document's title, shown by zsh and fish


def test_measure_ids_for_a_prefix():
    ids = [mid for mid, _ in complete_measure("xishan-2020:19.")]
    assert ids == ["xishan-2020:19.1", "xishan-2020:19.2", "xishan-2020:19.3", "xishan-2020:19.4a", "xishan-2020:19.4b"]
    assert len(complete_measure("xishan-2022:")) == 49
    assert len(complete_measure("")) == len(load_catalog().measures)


def test_languages():
    assert complete_lang("") == ["zh", "en"] and complete_lang("z") == ["zh"]


def _complete(shell: str, words: str) -> str:
    """What `polcalc` answers the installed completion script for these words."""
    env = {"_POLCALC_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": words}
    if shell == "bash":
        env |= {"COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    res = runner.invoke(app, [], prog_name="polcalc", env=env)
    assert res.exit_code == 0, res.output
    return res.stdout


def test_typer_calls_the_callbacks_for_each_option_and_argument():
    assert _complete("bash", "polcalc explain xishan-2020:19.").split() == [
        "xishan-2020:19.1",
        "xishan-2020:19.2",
        "xishan-2020:19.3",
        "xishan-2020:19.4a",
        "xishan-2020:19.4b",
    ]
    assert _complete("bash", "polcalc list --region xi").split() == ["xinzhou", "xishan"]
    assert _complete("bash", "polcalc check --policy anning").split() == ["anning-2020"]
    assert "Output-growth subsidy" in _complete("zsh", "polcalc explain xishan-2020:19.2")
