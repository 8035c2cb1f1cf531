"""Interface words in Chinese and English, by key; the language comes from --lang or the locale."""

from __future__ import annotations

import os

LANGS = ("zh", "en")

_WORDS: dict[str, tuple[str, str]] = {
    "screened": ("已筛查企业", "companies screened"),
    "rows_failed": ("有错误的行", "rows with errors"),
    "qualifying": ("符合企业数", "qualifying"),
    "cost": ("确定金额合计", "certain cost"),
    "screen_needs_data": (
        "部分企业缺数据、无法判断的措施数（详见 --format json）",
        "measures some companies could not be judged for, lacking data (see --format json)",
    ),
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
    # --- polcalc init: the questionnaire (prompts on stderr) and its messages
    "init_intro": (
        "新建企业档案：逐项回答，直接回车跳过该项；未回答的项在文件中保留为注释。",
        "A new company profile: answer each question, or press Enter to skip it; what you skip stays "
        "in the file as a comment.",
    ),
    "init_name": ("企业名称", "Company name"),
    "init_name_needed": ("档案需要企业名称", "a profile needs the company's name"),
    "init_region": ("所在地区", "Region"),
    "init_industry": ("行业", "Industry"),
    "init_pick": ("输入编号或名称", "number or key"),
    "init_pick_optional": ("输入编号或名称，回车跳过", "number or key, Enter to skip"),
    "init_not_a_choice": ("{answer} 不是可选项{suggest}", "{answer} is not one of the choices{suggest}"),
    "init_size": (
        "企业规模 micro 微型 / small 小型 / medium 中型 / large 大型（回车跳过）",
        "Size: micro / small / medium / large (Enter to skip)",
    ),
    "init_group": ("{what}？[y/N] ", "{what}? [y/N] "),
    "init_statuses": ("回答 {n} 个身份问题（是/否）", "Answer {n} questions on the company's status (yes/no)"),
    "init_status_q": ("  {label}？[y/n，回车=不确定] ", "  {label}? [y/n, Enter = unknown] "),
    "init_yes_no": ("请回答 y（是）或 n（否），或直接回车", "answer y or n, or press Enter"),
    "init_year_figures": ("填写 {year} 年的 {n} 项数字", "Enter the {n} figure(s) of {year}"),
    "init_month_figures": ("填写 {year} 年的月度数字（{months}）", "Enter the monthly figures of {year} ({months})"),
    "init_figure_q": ("  {period} {label}（{unit}，如 {example}）：", "  {period} {label} ({unit}, e.g. {example}): "),
    "init_year_label": ("{year}年", "{year}"),
    "init_try_again": ("    {reason}：请重新输入，或回车跳过", "    {reason}: try again, or press Enter to skip"),
    "init_recognitions": ("填写获得的称号（{n} 种）", "Enter titles the company holds ({n} kinds)"),
    "init_level_q": ("  {label}：级别 {levels}（回车=未获得）：", "  {label}: level {levels} (Enter = not held): "),
    "init_events": ("填写发生过的事项（{n} 种）", "Enter things that happened ({n} kinds)"),
    "init_event_q": ("  {label}：发生年份（回车=未发生）：", "  {label}: year it happened (Enter = it did not): "),
    "init_year_q": ("    获得年份：", "    year obtained: "),
    "init_bad_year": ("{answer} 不是 {low}–{high} 之间的年份", "{answer} is not a year from {low} to {high}"),
    "init_no_answers": (
        "标准输入没有回答（{what}）：在终端运行 polcalc init 逐项回答，或用 --region 生成模板",
        "no answer on standard input ({what}): run polcalc init in a terminal to be asked, "
        "or give --region for a template",
    ),
    "init_exists": (
        "{path} 已存在：换一个文件名，或加 --force 覆盖",
        "{path} already exists: choose another name, or pass --force to overwrite it",
    ),
    "init_no_dir": ("{path}：目录 {dir} 不存在", "{path}: directory {dir} does not exist"),
    "init_unwritable": ("{path}：无法写入（{reason}）", "{path}: cannot write it ({reason})"),
    "init_wrote": ("已写入 {path}。检查：{command}", "Wrote {path}. Check it: {command}"),
    "init_bad_option": (
        "--{option} {value} 不是可选值{suggest}；可选：{valid}",
        "--{option} {value} is not valid{suggest}; valid: {valid}",
    ),
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
    # --- check and list tables
    "amount_cap": ("金额 / 上限", "Amount / cap"),
    "cap_line": ("上限 {cap}", "cap {cap}"),
    "state_open": ("有效", "open"),
    "state_closed": ("不在有效期", "not open"),
    "more_keys": (" … 另 {n} 项", " … +{n}"),
    "n_unstated": ("{n} {what}", "{n} {what}"),
    # --- near misses: "years.2020.industrial_output 2.3亿 → 2.4亿 (+1000万) meets … → 72.00万"
    "near_text": (
        "{key} {current} → {needed}（+{change}）即满足 {condition} → {after}",
        "{key} {current} → {needed} (+{change}) meets {condition} → {after}",
    ),
    # --- messages on stderr
    "error": ("polcalc: 错误：{message}", "polcalc: error: {message}"),
    "warning": ("polcalc: 警告：{message}", "polcalc: warning: {message}"),
    "did_you_mean": ("（是否为 {guess}？）", " (did you mean {guess}?)"),
    "bad_as_of": (
        "--as-of {value}：日期请写作 YYYY-MM-DD，例如 2020-06-30",
        "--as-of {value}: write a date as YYYY-MM-DD, e.g. 2020-06-30",
    ),
    "bad_lang": ("--lang {value}：请在 {choices} 中选择", "--lang {value}: choose one of {choices}"),
    "not_a_region": (
        "--region {value} 不是已知地区{suggest}；可选：{valid}",
        "--region {value} is not a region{suggest}; valid: {valid}",
    ),
    "not_a_policy": (
        "--policy {value} 不是已知政策文件{suggest}；可选：{valid}",
        "--policy {value} is not a policy{suggest}; valid: {valid}",
    ),
    "no_measure": (
        "没有措施 {value}{suggest}；`polcalc list` 列出全部措施",
        "no measure {value}{suggest}; `polcalc list` shows them all",
    ),
    "one_profile": ("{file}：explain 只接受一个企业画像", "{file}: explain takes one profile"),
    "other_region": (
        "{measure} 是 {region} 的措施；{file} 是 {other} 的企业",
        "{measure} is a measure of {region}; {file} is a company of {other}",
    ),
    "explain_no_csv": ("explain 没有 csv 格式：请用 --format json", "explain has no csv form: use --format json"),
    "calendar_written": ("已写入 {path}：{n} 个截止日期", "wrote {path}: {n} deadline(s)"),
    "calendar_empty": (
        "{path}：没有在 {as_of} 有效且有截止日期的符合措施，日历为空",
        "{path}: no eligible measure is open on {as_of} with a deadline; the calendar is empty",
    ),
    # --- calendar (iCalendar) text
    "ics_name": ("polcalc 政策申报截止日期", "polcalc policy deadlines"),
    "ics_deadline": ("截止日期：{date}", "Deadline: {date}"),
    "ics_window": ("申报期：{start} 至 {end}", "Window: {start} to {end}"),
    "ics_amount": ("金额：{amount}", "Amount: {amount}"),
    "ics_cap": ("上限：{cap}", "Cap: {cap}"),
    "ics_award": ("奖补：{award}", "Award: {award}"),
    "ics_department": ("责任部门：{department}", "Department: {department}"),
    "ics_caveat": ("须部门认定：{caveat}", "For the department to judge: {caveat}"),
    "ics_details": ("详情：{command}", "Details: {command}"),
    # --- explain: the measure
    "ex_policy": (
        "文件：{title}（{policy}），{issuer}{number}{issued}；第 {article} 条",
        "Policy: {title} ({policy}), {issuer}{number}{issued}; article {article}",
    ),
    "ex_number": ("，{number}", ", {number}"),
    "ex_no_number": ("，无文号", ", no document number"),
    "ex_issued": ("，{date} 印发", ", issued {date}"),
    "ex_department": ("责任部门：{department}", "Department: {department}"),
    "ex_benefit": ("类别：{benefit}；奖补：{award}；上限：{cap}", "Benefit: {benefit}; award: {award}; cap: {cap}"),
    "ex_tier": ("  · {label}：{conditions} → {award}{cap}", "  · {label}: {conditions} → {award}{cap}"),
    "ex_tier_cap": ("（上限 {cap}）", " (cap {cap})"),
    "ex_and": (" 且 ", " and "),
    "ex_who": ("适用条件：{conditions}", "Who qualifies: {conditions}"),
    "ex_judged": (
        "由主管部门认定（画像给出即按其判定，未给出不影响结果）：{conditions}",
        "For the department to judge (given in the profile, it decides; not given, the result stands): {conditions}",
    ),
    "ex_no_conditions": ("没有规则可检验的条件", "no condition the rules can test"),
    "ex_year": ("数据年度：{year}", "Figures of year: {year}"),
    "ex_caveat": ("须部门认定：{caveat}", "For the department to judge: {caveat}"),
    "ex_in_force": ("有效期：{start} 至 {end}{draft}{note}", "In force: {start} to {end}{draft}{note}"),
    "ex_from_issue": ("印发之日", "issue"),
    "ex_no_end": ("未规定截止", "no end stated"),
    "ex_draft": ("；草案，从未生效", "; DRAFT, never in force"),
    "ex_note": ("（{note}）", " ({note})"),
    "ex_reading": ("本工具的理解：{text}", "Reading taken: {text}"),
    "ex_reading_policy": ("本工具的理解（全文）：{text}", "Reading taken (whole document): {text}"),
    "ex_exclusions": ("排除情形：{text}", "Exclusions: {text}"),
    "ex_stacking": ("叠加规则：{text}", "Stacking: {text}"),
    "ex_no_stack_with": ("不与以下措施叠加：{ids}", "Does not stack with: {ids}"),
    "ex_related": ("相关措施：{ids}", "Related: {ids}"),
    # --- explain: one company's trace
    "tr_head": (
        "{name}（{file}），{year} 年数据，评估日 {as_of}",
        "For {name} ({file}), figures of {year}, as of {as_of}",
    ),
    "tr_policy_checks": ("全文适用条件：", "Document-wide conditions:"),
    "tr_checks": ("条件：", "Conditions:"),
    "tr_is": ("，实际为 {value}", " — is {value}"),
    "tr_missing": ("，缺少 {keys}", " — missing {keys}"),
    "tr_tier": ("档次 {label}：{state}", "Tier {label}: {state}"),
    "tr_reached": ("已达到", "reached"),
    "tr_not_reached": ("未达到", "not reached"),
    "tr_arithmetic": ("计算：", "Arithmetic:"),
    "tr_cap": ("上限 {cap}：{state}", "Cap {cap}: {state}"),
    "tr_binding": ("已封顶", "binding"),
    "tr_not_binding": ("未封顶", "not binding"),
    "tr_stacked_out": (
        "与金额更高的 {other} 不叠加：不计入",
        "does not stack with {other}, which is higher: not counted",
    ),
    "tr_stacking_group": (
        "叠加组 {group}：{ids} 中只计最高一项",
        "stacking group {group}: the highest of {ids} counts",
    ),
    "tr_validity": ("有效期：{start} 至 {end}：{as_of} {state}", "Validity: {start} to {end}: {state} on {as_of}"),
    "tr_draft": ("草案，从未生效", "draft, never in force"),
    "tr_open": ("有效", "open"),
    "tr_not_open": ("不在有效期内", "not open"),
    "tr_result": ("结果：{status}", "Result: {status}"),
    "tr_amount": ("，{amount}", ", {amount}"),
    "tr_up_to": ("最高 {amount}", "up to {amount}"),
    "tr_no_amount": ("金额不定", "no fixed amount"),
    "tr_fill_in": ("；请补充：{keys}", "; fill in: {keys}"),
    "tr_near": ("差一点：{text}", "Near miss: {text}"),
    # --- kinds of benefit (rules.Benefit)
    "benefit_grant": ("奖励补助", "grant"),
    "benefit_matching_grant": ("配套资金", "matching grant"),
    "benefit_tax_relief": ("减税", "tax relief"),
    "benefit_fee_reduction": ("费用减免", "fee reduction"),
    "benefit_deferral": ("缓缴", "deferral"),
    "benefit_loan_support": ("融资支持", "loan support"),
    "benefit_service": ("服务", "service"),
    # --- the engine's arithmetic (polcalc.steps renders them; amounts already written per language)
    "step_fixed": ("定额 {amount}", "fixed sum {amount}"),
    "step_negative": ("{expr} 为负数：无奖补", "{expr} is negative: no award"),
    "step_whole_steps": ("{base}（每 {size} 为一档，计 {n} 档）", "{base} → {n} whole step(s) of {size}"),
    "step_per_unit": (
        "{base} = {units} × {unit}{whole}；× {price} = {result}",
        "{base} = {units}{whole} × {unit}; × {price} = {result}",
    ),
    "step_whole": ("（取整）", " whole"),
    "step_range": (
        "{low}至{high}{per}：{least}至{most}，具体金额由部门核定",
        "between {low} and {high}{per}: {least} to {most}, the department fixes the sum",
    ),
    "step_up_to_per": ("最高 {expr} = {result}，由部门决定", "up to {expr} = {result}, the department decides"),
    "step_up_to": ("最高 {most}，由部门酌定", "up to {most}, at the department's discretion"),
    "step_unstated": ("金额未定：由部门决定", "amount not stated: the department decides"),
    "step_band": ("{expr}（{lower}至{upper}部分）= {result}", "{expr} (part from {lower} to {upper}) = {result}"),
    "step_band_top": ("{expr}（{lower}以上部分）= {result}", "{expr} (part from {lower} to above) = {result}"),
    "step_total": ("合计 {total}", "total {total}"),
    "step_no_money": ("非资金措施：服务、缓缴或程序性措施", "no money: a service, deferral or process measure"),
    "step_sum": ("各项之和 = {total}", "sum of parts = {total}"),
    "step_no_tier": ("未达到任何档次", "no tier reached"),
    "step_tier": ("达到档次：{label}", "tier reached: {label}"),
    "step_capped": ("封顶 {cap}", "capped at {cap}"),
    # --- an award stated in a listing (polcalc.engine.awards, each kind's describe)
    "aw_rate_step": (" (每 {step})", " (per whole {step})"),
    "aw_up_to_per": ("最高 {most} × {per}", "up to {most} × {per}"),
    "aw_up_to": ("最高 {most}", "up to {most}"),
    "aw_unstated": ("金额未定", "amount not stated"),
    "aw_banded": ("分段比例 × {of}", "banded rates × {of}"),
    "aw_none": ("非资金", "no money"),
    "aw_tiers": ("分档：{tiers}", "tiers: {tiers}"),
    # --- why a figure cannot be computed (a condition's note, a warning)
    "why_zero_denominator": ("{year}年 {name}：{denominator} 为 0", "{name} of {year}: {denominator} is 0"),
    "why_zero_base": (
        "{year}年 {name} 为 0，增长率无法计算",
        "growth of {name} from a base of 0 in {year} is undefined",
    ),
    "why_zero_months": (
        "{year}年{group}月 {name} 为 0，增长率无法计算",
        "{name} of months {group} in {year} is 0: growth undefined",
    ),
    "why_no_reference": ("参考数据 {series} 没有 {year} 年的数值", "reference {series} has no value for {year}"),
    "why_not_number": ("{fact} 不是数值", "{fact} is not a number"),
    # --- conditions and the company's values under them
    "cond_any": ("满足其一：{items}", "any of: {items}"),
    "cond_all": ("全部满足：{items}", "all of: {items}"),
    "cond_judged": ("由主管部门认定：{items}", "for the department to judge: {items}"),
    "judged_unsettled": (
        "未给出 {keys}：由主管部门认定，给出即可判定",
        "{keys} not given: the department judges; give it to settle this",
    ),
    "undefined": ("无法计算", "undefined"),
    "true": ("是", "true"),
    "false": ("否", "false"),
    "no_level": ("无", "none"),
    "fact_detail": ("{value}（{detail}）", "{value} ({detail})"),
    "fact_growth": ("{value}（{current}，较{year}年的{base}）", "{value} ({current} vs {base} in {year})"),
    "fact_peak": ("{value}（{year}年以前最高，{peak}年）", "{value} (best year before {year}: {peak})"),
    "fact_months": ("{value}（各月：{detail}）", "{value} (months {detail})"),
    "fact_month_group": ("{group}月 {growth}", "{group}: {growth}"),
    "fact_list_sep": ("，", ", "),
    "fact_reference": ("{value}（{series}，{year}年）", "{value} ({series}, {year})"),
    # A figure with a selector in words (polcalc.engine.selectors), {noun} the figure's label.
    "selector_prev": ("上年{noun}", "last year's {noun}"),
    "selector_prev2": ("前年{noun}", "the year before last's {noun}"),
    "selector_growth": ("{noun}增速", "{noun} growth"),
    "selector_prev_growth": ("上年增速{noun}", "last year's growth {noun}"),
    "selector_increase": ("{noun}增量", "{noun} increase"),
    "selector_peak_before": ("{noun}历年最高", "{noun} best earlier"),
    "fact_above_scale": (
        "推算：{year}年营业收入 {revenue} {op} {industry}规模以上标准 {threshold}",
        "derived: revenue {revenue} in {year} {op} {threshold} threshold for {industry}",
    ),
    "fact_size": (
        "推算：{year}年{values} → {size}（{reason}；{document}）",
        "derived: {values} in {year} → {size} ({reason}; {document})",
    ),
    "size_micro": ("微型", "micro"),
    "size_small": ("小型", "small"),
    "size_medium": ("中型", "medium"),
    "size_large": ("大型", "large"),
    # A figure's unit: as a template's note and init's question name it, and as the schema
    # describes the forms a value may take.
    "unit_yuan": ("元", "yuan"),
    "unit_usd": ("美元", "US dollars"),
    "unit_count": ("个数", "count"),
    "unit_tonnes": ("吨", "tonnes"),
    "unit_m2": ("平方米", "m²"),
    "unit_mu": ("亩", "mu"),
    "unit_ratio": ("比例", "share"),
    "unit_rank": ("名次", "rank"),
    "unit_yuan_forms": (
        '元；可写 "3000万"、"1.2亿"、"3,000,000" 或数字',
        'yuan: "3000万", "1.2亿", "3,000,000" or a number',
    ),
    "unit_usd_forms": ('美元；可写 "50万" 或数字', 'US dollars: "50万" or a number'),
    "unit_count_forms": ("人数或个数，非负整数", "a count: a whole number, 0 or more"),
    "unit_tonnes_forms": ("吨", "tonnes"),
    "unit_m2_forms": ("平方米", "square metres"),
    "unit_mu_forms": ("亩", "mu (亩)"),
    "unit_rank_forms": ("名次：第1名写 1，正整数", "a rank: 1 for first, a whole number from 1"),
    "unit_ratio_forms": ('比例："70%" 或 0.7', 'a share: "70%" or 0.7'),
    "size_employees": ("从业人员 {value} 人", "{value} staff"),
    "size_revenue": ("营业收入 {value}", "revenue {value}"),
    "size_total_assets": ("资产总额 {value}", "assets {value}"),
    "size_and": ("且", " and "),
    "size_from": ("达到{size}标准 {bounds}", "{size} from {bounds}"),
    "size_not_met": ("未达到{size}标准 {bounds}", "{size} from {bounds} not met"),
    "size_so_micro": ("未达到小型标准 {bounds}，故为微型", "small from {bounds} not met, so micro"),
    "size_reason_sep": ("；", "; "),
    # --- profile warnings (on stderr, not stopping the run)
    "warn_years_unread": (
        "{keys}：{region} 的措施不读取这些年份（读取 {first}–{last} 年）；请检查年份",
        "{keys}: no measure of {region} reads these years (they read {first}–{last}); check the year",
    ),
    # --- failed conditions in results (check --format json, csv)
    "reason_is": ("（实际为 {value}）", " (is {value})"),
    "below_lowest_tier": ("未达到最低档次", "below the lowest tier"),
    # --- polcalc rules check, and a bug
    "rules_ok": ("规则检查通过", "rules ok"),
    "rules_problems": ("polcalc: 规则中有 {n} 个问题", "polcalc: {n} problem(s) in the rules"),
    "internal_error": (
        "polcalc: 内部错误（程序缺陷，请报告）：{error}",
        "polcalc: internal error (a bug, please report it): {error}",
    ),
    # --- bad input (polcalc.errors renders them): where, then what
    "at_path": ("{path}：{message}", "{path}: {message}"),
    "at_line": ("（第{line}行）", " (line {line})"),
    "at_column": ("列 {column}：{message}", "column {column}: {message}"),
    "problem_sep": ("；", "; "),
    "pr_did_you_mean": ("（是否想写 {guess}？）", " (did you mean {guess}?)"),
    # --- a profile file: its bytes, its TOML, its keys and values (polcalc.profile)
    "pr_empty": (
        "文件为空：档案至少需要 name 和 region",
        "the file is empty: a profile needs at least name and region",
    ),
    "pr_binary": ("这是二进制文件，不是 TOML 档案", "this is a binary file, not a TOML profile"),
    "pr_not_utf8": (
        "不是 UTF-8 文本（第{byte}字节）：请把文件另存为 UTF-8",
        "not UTF-8 text (byte {byte}): save the file as UTF-8",
    ),
    "pr_gbk": (
        "文件是 GBK/GB18030 编码：请另存为 UTF-8（例如 iconv -f GBK -t UTF-8）",
        "the file is GBK/GB18030-encoded: save it as UTF-8 (e.g. iconv -f GBK -t UTF-8)",
    ),
    "pr_too_large": (
        "文件有 {size} 字节；档案最多 {limit} 字节",
        "file is {size} bytes; a profile may be at most {limit}",
    ),
    "pr_toml_syntax": ("TOML 语法错误：{detail}", "TOML syntax error: {detail}"),
    "pr_too_deep": ("嵌套层数过多：档案只需几张平铺的表", "nested too deeply: a profile is a few flat tables"),
    "pr_unknown_key": ("未知的键{suggest}；可用的键：{valid}", "unknown key{suggest}; valid keys: {valid}"),
    "pr_missing": ("缺少此项：每份档案都需要 name 和 region", "missing: every profile needs name and region"),
    "pr_unknown_region": (
        "未知地区 {value}{suggest}；可选：{valid}",
        "unknown region {value}{suggest}; valid: {valid}",
    ),
    "pr_unknown_industry": (
        "未知行业 {value}{suggest}；可选：{valid}",
        "unknown industry {value}{suggest}; valid: {valid}",
    ),
    "pr_not_rank": ("{value} 不是名次：名次是从 1 起的整数", "{value} is not a rank: a rank is a whole number from 1"),
    "pr_unknown_size": ("未知规模 {value}{suggest}；可选：{valid}", "unknown size {value}{suggest}; valid: {valid}"),
    "pr_unknown_status": ("未知身份项{suggest}；可选：{valid}", "unknown status{suggest}; valid: {valid}"),
    "pr_not_bool": ("应为 true 或 false，而不是 {value}", "must be true or false, not {value}"),
    "pr_not_level": (
        "{level} 不是 {kind} 的级别{suggest}；可选：{valid}",
        "{level} is not a level of {kind}{suggest}; valid: {valid}",
    ),
    "pr_not_dated": ("应为含 kind 和 year 的表", "must be a table with kind and year"),
    "pr_unknown_kind": ("未知类别 {value}{suggest}；可选：{valid}", "unknown kind {value}{suggest}; valid: {valid}"),
    "pr_implausible_year": ("{year} 不是合理的年份（{low}-{high}）", "{year} is not a plausible year ({low}-{high})"),
    "pr_year_not_whole": (
        "{value} 不是年份：请写整数年份，如 2020",
        "{value} is not a year: write a whole year, e.g. 2020",
    ),
    "pr_not_a_year": (
        "{period} 不是年份（{low}-{high}）；请写作 [years.2020]",
        "{period} is not a year ({low}-{high}); write [years.2020]",
    ),
    "pr_not_a_month": (
        '{period} 不是月份；请写作 [months."2023-01"]',
        '{period} is not a month; write [months."2023-01"]',
    ),
    "pr_not_figures": ("应为一张数字表", "must be a table of figures"),
    "pr_unknown_figure": ("未知数字项{hint}", "unknown figure{hint}"),
    "pr_derived": ("（派生项：由其组成部分算出，不必填写）", " (derived: computed from its parts)"),
    "pr_yearly_only": (
        "此数字项只按年填写：请放在 [years.YYYY] 下",
        "this figure is yearly only; put it under [years.YYYY]",
    ),
    "pr_negative": ("不能为负数（{value}）", "cannot be negative ({value})"),
    "pr_not_whole": ("此项是计数，须为整数，不能是 {value}", "a count must be a whole number, not {value}"),
    "pr_over_100": (
        '{value} 超过 100%：比例请写作 "70%" 或 0.7',
        '{value} is over 100%: write a share such as "70%" or 0.7',
    ),
    # a value not of its key's kind (polcalc.model.profile.PROFILE_KEYS); the English words are those
    # pydantic gave when it read profiles, kept so that no message changed when it stopped
    "pf_not_text": ("应为文本（加引号的字符串）", "Input should be a valid string"),
    "pf_empty_text": ("不能为空", "String should have at least 1 character"),
    "pf_not_size": ("取值无效：Input should be {choices}", "Input should be {choices}"),
    "pf_not_int": ("应为整数", "Input should be a valid integer"),
    "pf_int_unreadable": (
        "应为整数：无法把这段文字读作整数",
        "Input should be a valid integer, unable to parse string as an integer",
    ),
    "pf_int_fraction": (
        "应为整数：不能带小数",
        "Input should be a valid integer, got a number with a fractional part",
    ),
    "pf_int_not_finite": ("取值无效：Input should be a finite number", "Input should be a finite number"),
    "pf_not_table": ("应为一张表", "Input should be a valid dictionary"),
    "pf_not_entries": ("应为表的数组（[[…]]）", "Input should be a valid tuple"),
    "pf_entry_missing_key": ("缺少此项", "Field required"),
    "pf_entry_unknown_key": ("未知的键", "Extra inputs are not permitted"),
    # --- an amount as people write it (polcalc.money.parse_quantity)
    "q_bool": ("应为数字，而不是 {value}", "expected a number, got {value}"),
    "q_not_finite": ("应为有限的数字，而不是 {value}", "expected a finite number, got {value}"),
    "q_type": (
        '应为数字或 "3000万" 这样的字符串，而不是 {type}',
        'expected a number or a string like "3000万", got {type}',
    ),
    "q_not_amount": (
        "无法把 {value} 读作数额：请用阿拉伯数字书写，可带 万 或 亿（如 3000万、1.2亿、3,000,000）",
        "cannot read {value} as an amount: write digits with an optional 万 or 亿 (e.g. 3000万, 1.2亿, 3,000,000)",
    ),
    "q_not_amount_or_percent": (
        "无法把 {value} 读作数额：请用阿拉伯数字书写，可带 万 或 亿（如 3000万、1.2亿、3,000,000），或写百分比（15%）",
        "cannot read {value} as an amount: write digits with an optional 万 or 亿 (e.g. 3000万, 1.2亿, 3,000,000) "
        "or a percentage (15%)",
    ),
    "q_not_number": ("无法把 {value} 读作数字", "cannot read {value} as a number"),
    "q_percent": (
        "{value} 是百分比；此项应填具体数值",
        "{value} is a percentage; this field takes an amount",
    ),
    "q_money_unit": (
        "{value} 带有金额单位；此项不是金额：请写纯数字",
        "{value} has a money unit; this field is not money: write a plain number",
    ),
    # --- where profiles come from (polcalc.inputs)
    "file_missing": ("文件不存在", "no such file"),
    "file_is_dir": ("这是目录", "is a directory"),
    "file_unreadable": ("无法读取：{reason}", "cannot read: {reason}"),
    "file_no_profiles": ("目录中没有 *.toml 档案", "directory has no *.toml profiles"),
    # --- a population table (polcalc.population, polcalc screen)
    "tbl_line": ("第{line}行", "line {line}"),
    "tbl_row": ("第{line}行", "row {line}"),
    "tbl_not_a_column": ("列 {column} 不是档案的列{suggest}", "column {column} is not a profile column{suggest}"),
    "tbl_needs_name_region": (
        "表头至少需要 name 和 region 两列",
        "the header needs at least the columns name and region",
    ),
    "tbl_columns_doc": ("各列的写法见 docs/screen.md", "columns are documented in docs/screen.md"),
    "tbl_not_bool": ("{value} 不是 true 或 false", "{value} is not true or false"),
    "tbl_not_year": ("{value} 不是年份", "{value} is not a year"),
    "tbl_not_level_year": (
        "{value} 不是“级别:年份”（如 national:2021）",
        "{value} is not level:year (e.g. national:2021)",
    ),
    "tbl_cells": ("{cells} 个单元格，但只有 {columns} 列", "{cells} cells for {columns} columns"),
    "tbl_empty": ("{path}：文件为空：需要一行表头", "{path}: the file is empty: it needs a header row"),
    "tbl_empty_sheet": (
        "{path}：第一张工作表为空：需要一行表头",
        "{path}: the first sheet is empty: it needs a header row",
    ),
    "tbl_not_utf8": (
        "不是 UTF-8 文本：请把表格另存为“CSV UTF-8”（或直接给出 .xlsx 文件）",
        "not UTF-8 text: save the table as CSV UTF-8 (or give the .xlsx file)",
    ),
    "tbl_gbk": (
        "文件是 GBK 编码（中文版 Excel 的“CSV”）：请另存为“CSV UTF-8”，或直接给出 .xlsx 文件",
        "the file is GBK-encoded (Excel's 'CSV' in Chinese): save as 'CSV UTF-8', or give the .xlsx file",
    ),
    "tbl_not_workbook": (
        "{path}：无法作为 Excel 工作簿读取（{error}）",
        "{path}: cannot read as an Excel workbook ({error})",
    ),
    # --- branch report (issue 12): profile keys in words, the HTML report, workbook and dashboard
    "key_year": ("{year}年{label}", "{label} {year}"),
    "key_month": ("{month}月份{label}", "{label} {month}"),
    "key_size": ("企业规模", "Size"),
    "rep_out_not_dir": (
        "{path} 是文件：多份报告需要 -o 指定目录，或加 --combined 合为一个文件",
        "{path} is a file: several reports need -o FOLDER, or --combined for one file",
    ),
    "rep_title": ("政策兑现测算报告", "Support measures assessment"),
    "rep_summary": ("测算摘要", "Summary"),
    "rep_n_awards": ("符合的奖补项数", "awards met"),
    "rep_total_note": (
        "合计只计确定金额；范围和“最高”金额另列，不计入。",
        "The totals count certain amounts only; ranges and 'up to' sums are shown apart, never added in.",
    ),
    "rep_stacked_out": ("不重复享受", "does not stack"),
    "rep_chart": ("各项奖补金额", "Awards by measure"),
    "rep_facts": ("企业情况", "Company facts"),
    "rep_awards": ("符合条件的奖补（按政策文件）", "Awards the company qualifies for, by policy"),
    "rep_article": ("条款", "Article"),
    "rep_article_n": ("第 {n} 条", "article {n}"),
    "rep_department": ("受理部门", "Department"),
    "rep_window": ("申报期", "Window"),
    "rep_tier": ("档次", "Tier"),
    "rep_arith": ("测算过程", "Arithmetic"),
    "rep_capped": ("已按上限封顶", "capped"),
    "rep_interp": ("条文理解", "Reading taken"),
    "rep_change": ("需要的变化", "What would change"),
    "rep_worth": ("价值", "Worth"),
    "rep_needs_note": (
        "{n} 项措施因缺少以下数据无法测算；补充后可再评估。",
        "{n} measures could not be assessed without the data below; add it to assess them.",
    ),
    "rep_timeline": ("申报时间表", "Timeline of windows and deadlines"),
    "rep_from": ("开始", "Opens"),
    "rep_disclaimer": (
        "本报告由 polcalc 依据政策原文测算，金额以主管部门最终核定为准。",
        "Computed by polcalc from the policy documents; the departments fix the final amounts.",
    ),
    # --- the district's dashboard (screen --html, formats/templates/district.html)
    "dist_title": ("区域政策兑现筛查", "District screen"),
    "dist_total_note": (
        "确定金额为符合条件企业的确定奖补之和（不重复享受已扣除）；“另有最高可达”为范围和“最高”金额的上限之和，不计入合计。",
        "The certain cost sums the exact awards of the qualifying companies (awards that do not stack "
        "left out); 'plus up to' sums the ceilings of ranges and 'up to' awards, never added in.",
    ),
    "dist_drafts_in": ("含征求意见稿", "drafts counted"),
    "dist_drafts_out": ("不含征求意见稿", "drafts left out"),
    "dist_qualifying": ("有奖补的企业", "companies with an award"),
    "dist_by_policy": ("按政策文件", "By policy"),
    "dist_policy": ("政策文件", "Policy"),
    "dist_awards": ("符合项次", "awards"),
    "dist_top_measures": ("金额最高的措施", "The measures that cost most"),
    "dist_by_measure": ("按措施", "By measure"),
    "dist_needs_data": ("缺数据", "need data"),
    "dist_needs_note": (
        "这些措施对部分企业因缺少数据无法判断；补充相应列后可再筛查。",
        "For some companies these measures could not be judged without more data; add the columns and screen again.",
    ),
    "dist_distribution": ("企业确定奖补金额分布", "Companies by their certain award"),
    "dist_distribution_note": (
        "每家企业的确定奖补合计落在哪一档；“金额由部门核定”指只符合范围或未定金额的措施。",
        "Where each company's certain total falls; 'set by the department' means it meets only "
        "ranges or awards with no stated sum.",
    ),
    "dist_companies": ("企业数", "companies"),
    "band_none": ("无奖补", "no award"),
    "band_set": ("金额由部门核定", "set by the department"),
    "dist_near": ("差一步即可符合的企业", "Companies one change from a measure"),
    "dist_near_note": (
        "一项数据增加不超过 50% 即可符合（或升档）的企业；每家企业每项措施按最小的变化计一次，变化后已重新测算验证。",
        "Companies that one figure, raised by at most 50%, would qualify (or lift a tier); each counted "
        "once per measure by its smallest change, every change proven by evaluating it again.",
    ),
    "dist_no_near": ("没有差一步即可符合的企业。", "No company is one change from a measure."),
    "dist_near_companies": ("企业数", "companies"),
    "dist_near_gain": ("可增加", "would add"),
    "dist_closest": ("最接近的企业", "The nearest companies"),
    "dist_company": ("企业", "Company"),
    "dist_line": ("行", "line"),
    "dist_unreadable": ("无法读取的行", "Rows that could not be read"),
    "dist_unreadable_note": (
        "这些行未参与测算；按提示改正后重新运行。",
        "These rows were not screened; fix them as the messages say and run again.",
    ),
    "dist_more_rows": ("另有 {n} 行未列出。", "{n} more not listed."),
    # --- safe-outputs: files a run writes (cli/outputs.py)
    "out_no_dir": ("{option} {path}：目录 {dir} 不存在", "{option} {path}: directory {dir} does not exist"),
    "out_is_dir": ("{option} {path}：这是一个目录，不是文件", "{option} {path}: is a directory, not a file"),
    "out_is_input": (
        "{option} {path}：它就是本次运行的输入 {input}，不能覆盖；请换一个输出文件名",
        "{option} {path}: it is {input}, an input of this run; refusing to overwrite it (choose another name)",
    ),
    "out_not_ours": (
        "{option} {path}：文件已存在且不是 polcalc 写的；如要替换它请加 --force",
        "{option} {path}: the file exists and was not written by polcalc; add --force to replace it",
    ),
    "out_unwritable": ("{option} {path}：无法写入（{reason}）", "{option} {path}: cannot write it ({reason})"),
    "tbl_zip_too_big": (
        "{path}：工作簿解压后有 {size} MB（或文件过多），超过上限 {limit} MB，拒绝读取",
        "{path}: the workbook unpacks to {size} MB (or too many parts), over the {limit} MB limit; refused",
    ),
    "pr_utf16": (
        "文件是 UTF-16 编码（记事本的“Unicode”）：请另存为 UTF-8",
        'the file is UTF-16-encoded (Notepad\'s "Unicode"): save it as UTF-8',
    ),
    "file_not_regular": ("不是普通文件（FIFO、设备等）", "not a regular file (a FIFO, a device…)"),
    "q_too_large": ("{value} 过大：数值应小于 10^15", "{value} is too large: a figure must be below 10^15"),
    "tbl_nul": (
        "含 NUL 字节，不是文本表格：请另存为“CSV UTF-8”（或直接给出 .xlsx 文件）",
        "a NUL byte: this is not a text table; save it as CSV UTF-8 (or give the .xlsx file)",
    ),
    "out_kept": (
        "{option} {path}：没有可写的有效结果，原文件保持不变",
        "{option} {path}: nothing valid to write; the existing file is left as it was",
    ),
    # --- screen --xlsx (issue 12): the workbook's sheets and headers
    "xl_companies": ("企业", "Companies"),
    "xl_by_measure": ("措施明细", "By measure"),
    "xl_summary": ("汇总", "Summary"),
    "xl_id": ("编号", "id"),
    "xl_line": ("行号", "line"),
    "xl_name": ("企业名称", "name"),
    "xl_region": ("地区", "region"),
    "xl_met": ("符合项数", "measures met"),
    "xl_certain": ("确定金额", "certain amount"),
    "xl_up_to": ("最高可达", "up to"),
    "xl_measure": ("措施", "measure"),
    "xl_title": ("名称", "title"),
    "xl_amount": ("金额", "amount"),
    "xl_stacked": ("不重复享受（被）", "stacked out by"),
    "xl_qualifying": ("符合企业数", "companies qualifying"),
    "xl_up_to_more": ("另可能增加（最高）", "possible extra (up to)"),
    "xl_needs_data": ("缺数据企业数", "companies needing data"),
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


def both(key: str) -> tuple[str, str]:
    """The word in Chinese and in English, for texts that show the two side by side."""
    return _WORDS[key]


def say(key: str, lang: str, /, **fields: object) -> str:
    """A sentence with its fields filled in: say("bad_lang", "en", value="'fr'", choices="zh, en")."""
    return word(key, lang).format(**fields)


def keys() -> dict[str, tuple[str, str]]:
    """Every key with its (zh, en) pair: for the test that none lacks a language."""
    return dict(_WORDS)
