"""Bad input in Chinese: each file of the corpus (tests/bad_profiles/) with --lang zh gives its
exact message, one line, exit status 2, no traceback; so do population tables, a missing file and
init's re-asked answers. Key names, paths and values stay as written. (English: test_bad_profiles.py.)"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.engine.compiled import load_catalog
from polcalc.i18n.messages import Message, ProfileError

CORPUS = Path(__file__).parent / "bad_profiles"
runner = CliRunner()

EXPECTED = {
    "bad_recognition_level.toml": "recognitions[0].level：'city' 不是 little_giant 的级别；可选：provincial, national",
    "boolean_year.toml": "events[0].year：true 不是年份：请写整数年份，如 2020",
    "binary.toml": "这是二进制文件，不是 TOML 档案",
    "chinese_numerals.toml": "years.2020.revenue（第5行）：无法把 '三千万' 读作数额：请用阿拉伯数字书写，可带 万 或 亿"
    "（如 3000万、1.2亿、3,000,000）",
    "deeply_nested.toml": "嵌套层数过多：档案只需几张平铺的表",
    "double_decimal_point.toml": "years.2020.revenue（第5行）：无法把 '1.2.3亿' 读作数额：请用阿拉伯数字书写，可带 万 或 亿"
    "（如 3000万、1.2亿、3,000,000）",
    "duplicate_key.toml": "TOML 语法错误：Cannot overwrite a value (at line 6, column 17)",
    "empty.toml": "文件为空：档案至少需要 name 和 region",
    "fractional_count.toml": "years.2020.insured_employees（第5行）：此项是计数，须为整数，不能是 12.5",
    "gbk_encoded.toml": "文件是 GBK/GB18030 编码：请另存为 UTF-8（例如 iconv -f GBK -t UTF-8）",
    "impossible_month.toml": "months.2023-13：'2023-13' 不是月份；请写作 [months.\"2023-01\"]",
    "impossible_year.toml": "years.1890：'1890' 不是年份（1990-2100）；请写作 [years.2020]",
    "missing_region.toml": "region：缺少此项：每份档案都需要 name 和 region",
    "misspelt_figure.toml": "years.2020.revenu（第5行）：未知数字项（是否想写 'revenue'？）",
    "misspelt_status.toml": "status.above_scal（第5行）：未知身份项（是否想写 'above_scale'？）；可选：…",
    "negative_money.toml": "years.2020.revenue（第5行）：不能为负数（'-5万'）",
    "percent_for_a_count.toml": "years.2020.layoffs（第5行）：'5%' 是百分比；此项应填具体数值",
    "syntax_error.toml": "TOML 语法错误：Illegal character '\\n' (at line 5, column 16)",
    "too_large.toml": "文件有 1,000,001 字节；档案最多 1,000,000 字节",
    "unknown_event.toml": "events[0].kind：未知类别 'fire'；可选：…",
    "unknown_industry.toml": "industry（第3行）：未知行业 'restaurant'；可选：…",
    "unknown_region.toml": "region（第2行）：未知地区 'beijing'；可选：anning, xinzhou, xishan, yangquan-chengqu, kunming, yangquan",
    "unknown_size.toml": "size（第4行）：未知规模 'tiny'；可选：micro, small, medium, large",
    "unknown_top_key.toml": "regoin（第4行）：未知的键（是否想写 'region'？）；可用的键：name, region, industry, size, status, "
    "years, months, recognitions, events, notes",
    "whitespace_only.toml": "文件为空：档案至少需要 name 和 region",
    "wrong_type_figure.toml": "years.2020.revenue（第5行）：应为数字，而不是 true",
    "wrong_type_name.toml": "name：应为文本（加引号的字符串）",
    "wrong_type_status.toml": "status.above_scale（第5行）：应为 true 或 false，而不是 'yes'",
    "yearly_figure_by_month.toml": "months.2023-01.revenue（第5行）：此数字项只按年填写：请放在 [years.YYYY] 下",
    # issue 11: encodings and sizes a real file may have
    "utf16.toml": "文件是 UTF-16 编码（记事本的“Unicode”）：请另存为 UTF-8",
    "year_zero.toml": "years.0：'0' 不是年份（1990-2100）；请写作 [years.2020]",
    "year_99999.toml": "years.99999：'99999' 不是年份（1990-2100）；请写作 [years.2020]",
    "float_overflow.toml": "years.2020.revenue（第5行）：1E+400 过大：数值应小于 10^15",
    "hundred_digits.toml": "years.2020.revenue（第5行）：100000000000… 过大：数值应小于 10^15",
    "fullwidth_digits.toml": "years.2020.revenue（第5行）：无法把 '１２３万' 读作数额：请用阿拉伯数字书写，可带 万 或 亿（如 3000万、1.2亿、3,000,000）",
}


def test_every_file_of_the_corpus_has_a_chinese_message():
    assert sorted(p.name for p in CORPUS.glob("*.toml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_profile_message_in_chinese(name: str):
    path = CORPUS / name
    res = runner.invoke(app, ["check", str(path), "--format", "json", "--lang", "zh"])
    assert res.exit_code == 2
    assert "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    prefix = f"polcalc: 错误：{path}："
    assert lines[0].startswith(prefix)
    message, expected = lines[0][len(prefix) :], EXPECTED[name]
    if expected.endswith("可选：…"):  # the vocabulary's words, as in English
        head, _, listed = message.partition("；可选：")
        assert head + "；可选：…" == expected
        vocab = load_catalog().vocabulary
        assert set(listed.split(", ")) <= set(vocab.status) | set(vocab.industries) | set(vocab.events)
    else:
        assert message == expected
    assert json.loads(res.stdout)["companies"] == []


def test_lang_wins_over_the_locale_both_ways():
    path = str(CORPUS / "unknown_size.toml")
    en = runner.invoke(app, ["check", path, "--lang", "en"], env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""})
    zh = runner.invoke(app, ["check", path, "--lang", "zh"], env={"LANG": "en_US.UTF-8", "LC_ALL": ""})
    assert en.stderr.strip().endswith("size (line 4): unknown size 'tiny'; valid: micro, small, medium, large")
    assert zh.stderr.strip().endswith("size（第4行）：未知规模 'tiny'；可选：micro, small, medium, large")


def test_a_missing_file_and_an_empty_directory(tmp_path: Path):
    res = runner.invoke(app, ["check", str(tmp_path / "nope.toml"), str(tmp_path), "--lang", "zh"])
    assert res.exit_code == 2
    assert res.stderr.strip().splitlines() == [
        f"polcalc: 错误：{tmp_path / 'nope.toml'}：文件不存在",
        f"polcalc: 错误：{tmp_path}：目录中没有 *.toml 档案",
    ]


def test_explain_reports_a_bad_profile_in_chinese():
    path = CORPUS / "misspelt_figure.toml"
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", str(path), "--lang", "zh"])
    assert res.exit_code == 2 and "Traceback" not in res.stderr
    assert (
        res.stderr.strip() == f"polcalc: 错误：{path}：years.2020.revenu（第5行）：未知数字项（是否想写 'revenue'？）"
    )


def test_several_problems_of_one_file_are_one_line_joined_in_chinese(tmp_path: Path):
    path = tmp_path / "two.toml"
    path.write_text('name = "x"\nregion = "xishan"\n[years.2020]\nlayoffs = "5万"\nrevenue = "15%"\n', encoding="utf-8")
    res = runner.invoke(app, ["check", str(path), "--lang", "zh"])
    assert res.exit_code == 2
    assert res.stderr.strip() == (
        f"polcalc: 错误：{path}：years.2020.layoffs（第4行）：'5万' 带有金额单位；此项不是金额：请写纯数字；"
        "years.2020.revenue（第5行）：'15%' 是百分比；此项应填具体数值"
    )


# ---------------------------------------------------------------- population tables (screen)

HEADER = "id,name,region,industry,status_above_scale,event_ipo_listing,industrial_output_2019,insured_employees_2020"


def _screen(tmp_path: Path, text: str, *args: str, encoding: str = "utf-8"):
    path = tmp_path / "companies.csv"
    path.write_bytes(text.encode(encoding))
    return runner.invoke(app, ["screen", str(path), "--format", "jsonl", "--as-of", "2020-06-30", *args]), path


def test_screen_row_messages_in_chinese_name_line_and_column(tmp_path: Path):
    rows = [
        "A1,甲,xishan,catering,maybe,20x,,",
        "A2,乙,xishan,catring,true,,三千万,12.5",
        "A3,,xishan,catering,,,,,extra",
    ]
    res, path = _screen(tmp_path, "\n".join([HEADER, *rows]) + "\n", "--lang", "zh")
    assert res.exit_code == 2 and "Traceback" not in res.stderr
    first, second, third = res.stderr.strip().splitlines()
    assert first == (
        f"polcalc: 错误：{path}：第2行：列 status_above_scale：'maybe' 不是 true 或 false；列 event_ipo_listing：'20x' 不是年份"
    )
    assert second.startswith(
        f"polcalc: 错误：{path}：第3行：列 industry：未知行业 'catring'（是否想写 'catering'？）；可选："
    )
    assert second.endswith(
        "；列 industrial_output_2019：无法把 '三千万' 读作数额：请用阿拉伯数字书写，可带 万 或 亿（如 3000万、1.2亿、3,000,000）"
        "；列 insured_employees_2020：此项是计数，须为整数，不能是 12.5"
    )
    assert third == f"polcalc: 错误：{path}：第4行：9 个单元格，但只有 8 列"


def test_screen_header_and_encoding_messages_in_chinese(tmp_path: Path):
    res, path = _screen(tmp_path, "id,nam,region\n", "--lang", "zh")
    assert res.exit_code == 2
    assert res.stderr.strip() == (
        f"polcalc: 错误：{path}：列 'nam' 不是档案的列（是否想写 'name'？）；表头至少需要 name 和 region 两列；"
        "各列的写法见 docs/screen.md"
    )
    res, path = _screen(tmp_path, HEADER + "\nA1,甲,xishan,catering,true,,,\n", "--lang", "zh", encoding="gbk")
    assert res.exit_code == 2
    assert res.stderr.strip() == (
        f"polcalc: 错误：{path}：文件是 GBK 编码（中文版 Excel 的“CSV”）：请另存为“CSV UTF-8”，或直接给出 .xlsx 文件"
    )


def test_an_excel_row_is_a_row_in_chinese(tmp_path: Path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(HEADER.split(","))
    book.active.append(["B1", "坏", "xishan", "catering", "maybe"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    res = runner.invoke(app, ["screen", str(path), "--as-of", "2020-06-30", "--lang", "zh"])
    assert res.exit_code == 2
    assert res.stderr.strip() == f"polcalc: 错误：{path}：第2行：列 status_above_scale：'maybe' 不是 true 或 false"


# ---------------------------------------------------------------- init re-asks in the run's language


def test_init_reasks_with_the_readers_reason_in_chinese():
    args = ["init", "--region", "xishan", "--industry", "catering", "--size", "medium", "--name", "测试", "--ask"]
    answers = "\ny\n三千万\n-5万\n2.5\n"  # skip the statuses; 2019's figures: the first is a count
    zh = runner.invoke(app, [*args, "--lang", "zh"], input=answers)
    en = runner.invoke(app, [*args, "--lang", "en"], input=answers)
    assert zh.exit_code == en.exit_code == 0
    assert (
        "    无法把 '三千万' 读作数额：请用阿拉伯数字书写，可带 万 或 亿（如 3000万、1.2亿、3,000,000）：请重新输入，或回车跳过"
        in zh.stderr
    )
    assert "    '-5万' 带有金额单位；此项不是金额：请写纯数字：请重新输入，或回车跳过" in zh.stderr
    assert "    此项是计数，须为整数，不能是 2.5：请重新输入，或回车跳过" in zh.stderr
    assert "cannot read" not in zh.stderr and "did you mean" not in zh.stderr
    assert "    a count must be a whole number, not 2.5: try again, or press Enter to skip" in en.stderr


def test_init_suggests_a_choice_in_chinese():
    res = runner.invoke(app, ["init", "--lang", "zh"], input="某公司\nxishn\nxishan\n" + "\n" * 30)
    assert res.exit_code == 0, res.stderr
    assert "'xishn' 不是可选项（是否为 'xishan'？）：请重新输入，或回车跳过" in res.stderr


# ---------------------------------------------------------------- the error as data


def test_a_profile_error_crosses_processes_and_renders_after():
    exc = pickle.loads(pickle.dumps(ProfileError("d", [Message("file_no_profiles")])))
    assert str(exc) == "d: directory has no *.toml profiles"
    assert exc.render("zh") == "d：目录中没有 *.toml 档案"


def test_a_fifo_and_a_utf16_table_in_chinese(tmp_path: Path):
    import os

    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    res = runner.invoke(app, ["check", str(fifo), "--lang", "zh"])
    assert res.exit_code == 2 and res.stderr.strip() == f"polcalc: 错误：{fifo}：不是普通文件（FIFO、设备等）"
    table = tmp_path / "t.csv"
    table.write_bytes("name,region\n精工,xishan\n".encode("utf-16"))  # Excel's "Unicode text"
    res = runner.invoke(app, ["screen", str(table), "--lang", "zh"])
    assert res.exit_code == 2 and "Traceback" not in res.stderr and "UTF-8" in res.stderr
