"""Interface words in Chinese and English; the language comes from --lang or the locale."""

from __future__ import annotations

import os

LANGS = ("zh", "en")

_WORDS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "measure": ("措施", "Measure"),
    "award": ("奖补", "Award"),
    "amount": ("金额", "Amount"),
    "cap": ("上限", "Cap"),
    "deadline": ("截止", "Deadline"),
    "open": ("有效", "Open"),
    "status": ("状态", "Status"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "draft": ("草案", "draft"),
    "eligible": ("符合", "eligible"),
    "ineligible": ("不符合", "ineligible"),
    "needs_data": ("缺数据", "needs data"),
    "as_of": ("评估日", "as of"),
    "no_awards": ("没有符合条件的措施。", "No measure is met."),
    "total": ("合计", "Total"),
    "cash": ("现金奖补", "cash grants"),
    "tax_relief": ("减税", "tax relief"),
    "fee_savings": ("费用减免", "fee savings"),
    "up_to_more": ("另有最高可达", "plus up to"),
    "uncertain": ("（金额由部门核定，未计入合计）", "(amounts the department fixes; not in the total)"),
    "unstated": ("项金额未定", "awards with amounts not stated"),
    "deferrals": ("缓缴措施", "deferrals"),
    "services": ("服务措施", "service measures"),
    "stacked": ("不重复享受，已计入更高一项", "does not stack: the higher award counts"),
    "not_counted_draft": ("草案，未计入合计", "draft: not in the total"),
    "needs_data_head": ("缺少数据的措施（补充后可评估）", "Measures that need data (fill these in to evaluate)"),
    "caveat": ("须部门认定", "for the department to judge"),
    "up_to": ("最高", "up to"),
    "not_stated": ("未定", "not stated"),
    "no_money": ("非资金", "no money"),
    "measures": ("项措施", "measures"),
    "department": ("责任部门", "Department"),
    "policy": ("文件", "Policy"),
    "no_money_head": ("另可享受（非资金措施）", "Also available (no money)"),
    "drafts_left_out": (
        "草案措施（未计入合计，--drafts 计入）",
        "draft measures (not in the total; --drafts adds them)",
    ),
    "discretionary": ("部门核定", "discretionary"),
    "near_head": ("差一点：再达到以下数字即可符合或升档", "Near misses: what would qualify, or lift a tier"),
}


def default_lang() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return zh if lang == "zh" else en
