"""`explain` shows the arithmetic of every money measure of every document.

One hand-computed case per measure that can pay money: a minimal profile that makes it eligible,
the amount worked out by hand from the rule (and the article's text), and the arithmetic lines
`explain --lang zh` must print for it (amounts in 万 with two decimals, figures with their unit,
a sum per unit exactly in 元). A new money measure without a case here fails
`test_every_money_measure_has_a_case`. Some cases also give the English lines (¥ with separators).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.engine.awards import NoMoney, Sum, Tiers, UpTo
from polcalc.engine.compiled import load_catalog
from polcalc.model.rules import AwardModel

runner = CliRunner()

# A day each document is in force (the 2022 Xishan draft never is: any day of its year).
AS_OF = {
    "anning-2020": "2020-06-30",
    "xishan-2020": "2020-06-30",
    "xishan-2022": "2022-06-30",
    "xinzhou-2022": "2022-12-31",  # article 11 ends with 2022 ("年内"); 7, 9, 12 run to 2023-03-31
    "yangquan-chengqu-2023-industry": "2023-06-30",
    "yangquan-chengqu-2023-investment": "2023-06-30",
}


def pays_money(award: AwardModel) -> bool:
    """Whether an award can come to a sum of money (an "up to" with no ceiling cannot)."""
    if isinstance(award, NoMoney):
        return False
    if isinstance(award, UpTo):
        return award.max is not None
    if isinstance(award, Tiers):
        return any(pays_money(t.award) for t in award.tiers)
    if isinstance(award, Sum):
        return any(pays_money(p) for p in award.parts)
    return True


@dataclass(frozen=True)
class Case:
    profile: dict[str, Any]
    amount: Decimal | int | None  # the exact award in yuan; None for a range or an "up to"
    steps: tuple[str, ...]  # arithmetic lines explain must show, in this order
    amount_max: Decimal | int | None = None  # defaults to `amount`

    @property
    def most(self) -> Decimal | int | None:
        return self.amount if self.amount_max is None else self.amount_max


def co(
    industry: str | None = None,
    size: str | None = None,
    years: dict[int, dict[str, Any]] | None = None,
    events: tuple[tuple[str, int], ...] = (),
    recs: tuple[tuple[str, str, int], ...] = (),
    months: dict[str, dict[str, Any]] | None = None,
    **status: bool,
) -> dict[str, Any]:
    return {
        "industry": industry,
        "size": size,
        "status": status,
        "years": years or {},
        "months": months or {},
        "events": [{"kind": k, "year": y} for k, y in events],
        "recognitions": [{"kind": k, "level": lv, "year": y} for k, lv, y in recs],
    }


def fixed(wan: str, *tier: str) -> tuple[str, ...]:
    return (*(f"达到档次：{t}" for t in tier), f"定额 {wan}")


def up_to(wan: str, *tier: str) -> tuple[str, ...]:
    return (*(f"达到档次：{t}" for t in tier), f"最高 {wan}，由部门酌定")


EQUIP = "equipment_manufacturing"
FIN = "finance"

# Amounts in yuan, worked out by hand; the comment gives the sum.
CASES: dict[str, Case] = {
    # ---------------------------------------------------------------- Anning 2020
    "anning-2020:5": Case(  # 50% × 27.6万 paid in 2019 = 13.8万 (the layoff test is 人社局's, a caveat)
        co(
            "processing_manufacturing",
            "medium",
            {2019: {"insured_employees": 180, "layoffs": 9, "unemployment_insurance_paid": "27.6万"}},
            temporary_difficulty=False,
        ),
        138000,
        ("达到档次：按2019年失业保险费50%返还", "50% × 27.6万 = 13.80万"),
    ),
    "anning-2020:6": Case(  # 400 to 6000 per payment × 5 payments: 2000 to 30000
        co(years={2020: {"employment_subsidy_payments": 5}}),
        None,
        ("400元至6000元 × 5：0.20万至3.00万，具体金额由部门核定",),
        30000,
    ),
    # ---------------------------------------------------------------- Xinzhou 2022
    "xinzhou-2022:5a": Case(  # 22.5% × 100万 + 20% × 234,567 = 225,000 + 46,913.40
        co(years={2022: {"taxable_income": 1_234_567, "employees": 40, "total_assets": "2000万"}}),
        Decimal("271913.40"),
        (
            "22.5% × 100万（0元至100万部分）= 22.50万",
            "20% × 23.4567万（100万至300万部分）= 4.69万",
            "合计 27.19万",
        ),
    ),
    "xinzhou-2022:9": Case(  # 50% × 3.6万
        co(years={2022: {"batch_guarantee_fees": "3.6万"}}),
        18000,
        ("50% × 3.6万 = 1.80万",),
    ),
    "xinzhou-2022:11": Case(  # up to 6 months of 2.5万 rent: at most 15万
        co(
            "building_materials",
            years={2022: {"standard_factory_monthly_rent": "2.5万"}},
            provincial_zone_factory_tenant=True,
        ),
        None,
        ("最高 6 × 2.5万 = 15.00万，由部门决定",),
        150000,
    ),
    "xinzhou-2022:12": Case(  # January 2023 doubles January 2022 (+100%): 50万
        co(
            months={
                "2022-01": {"industrial_output": "1000万"},
                "2022-02": {"industrial_output": "1000万"},
                "2022-03": {"industrial_output": "1000万"},
                "2023-01": {"industrial_output": "2000万"},
                "2023-02": {"industrial_output": "1100万"},
                "2023-03": {"industrial_output": "1200万"},
            },
            white_list=True,
        ),
        500000,
        fixed("50.00万", "月产值同比增长100%"),
    ),
    "xinzhou-2022:13": Case(  # first past 5亿 (4亿 → 6.3亿): 10万 + 5万 × 2 whole 亿 of increase = 20万
        co(EQUIP, years={2021: {"industrial_output": "4亿"}, 2022: {"industrial_output": "6.3亿"}}, chain_leader=True),
        200000,
        ("定额 10.00万", "2.3亿 = 2 × 1亿（取整）；× 5.00万 = 10.00万", "各项之和 = 20.00万"),
    ),
    # ---------------------------------------------------------------- Xishan 2020
    "xishan-2020:3.2": Case(  # 13/240 = 5.42% ≤ 5.5%: 50% × 38.4万 (not in difficulty: no 6-month route)
        co(
            EQUIP,
            "medium",
            {2019: {"insured_employees": 240, "layoffs": 13, "unemployment_insurance_paid": "38.4万"}},
            temporary_difficulty=False,
        ),
        192000,
        ("达到档次：按2019年失业保险费50%返还", "50% × 38.4万 = 19.20万"),
    ),
    "xishan-2020:4.1a": Case(co(events=(("covid_rd_project", 2020),)), None, up_to("50.00万"), 500000),
    "xishan-2020:4.1b": Case(  # 10% × 650万
        co(years={2020: {"new_production_equipment_investment": "650万"}}, epidemic_supplies_producer=True),
        650000,
        ("10% × 650万 = 65.00万",),
    ),
    "xishan-2020:4.4": Case(  # 20% × 120万
        co(years={2020: {"rent_waived_for_sme_tenants": "120万"}}, commercial_property_operator=True),
        240000,
        ("20% × 120万 = 24.00万",),
    ),
    "xishan-2020:4.5": Case(co("retail", large_supermarket=True), None, up_to("20.00万"), 200000),
    "xishan-2020:5.1": Case(  # 2000 per whole 亿: 3 × 2000
        co(years={2020: {"social_investment_completed": "3.5亿"}}),
        6000,
        ("3.5亿 = 3 × 1亿（取整）；× 2000元 = 0.60万",),
    ),
    "xishan-2020:6.2": Case(  # 2万 per 10,000 m²: 2.5 × 2万
        co("real_estate", years={2020: {"housing_sales_area": 25000}}),
        50000,
        ("25000平方米 = 2.5 × 10000平方米；× 2.00万 = 5.00万",),
    ),
    "xishan-2020:7.1a": Case(  # 60% × 10万
        co(
            EQUIP,
            years={2020: {"city_clean_production_award": "10万"}},
            events=(("clean_production_audit_passed", 2020),),
        ),
        60000,
        ("60% × 10万 = 6.00万",),
    ),
    "xishan-2020:7.1b": Case(  # 70% × 30万
        co(
            EQUIP,
            years={2020: {"city_green_manufacturing_award": "30万"}},
            recs=(("green_manufacturing_demo", "provincial", 2020),),
        ),
        210000,
        ("70% × 30万 = 21.00万",),
    ),
    "xishan-2020:7.2": Case(  # 5万 per whole 10,000 t: 3 × 5万
        co("phosphorus_chemical", years={2020: {"phosphogypsum_used": 35000}}),
        150000,
        ("35000吨 = 3 × 10000吨（取整）；× 5.00万 = 15.00万",),
    ),
    "xishan-2020:7.3": Case(  # 2% × 600万
        co(
            "phosphorus_chemical",
            years={2020: {"technical_upgrade_investment": "800万", "technical_upgrade_equipment_cost": "600万"}},
            above_scale=True,
        ),
        120000,
        ("2% × 600万 = 12.00万",),
    ),
    "xishan-2020:8": Case(  # 2% × 1800万 = 36万, capped at 30万
        co(
            EQUIP,
            years={2020: {"technical_upgrade_investment": "2000万", "technical_upgrade_equipment_cost": "1800万"}},
            above_scale=True,
        ),
        300000,
        ("2% × 1800万 = 36.00万", "封顶 30.00万"),
    ),
    "xishan-2020:9.1.1": Case(
        co(
            years={2020: {"building_occupancy_rate": "75%", "building_same_industry_share": "60%"}},
            commercial_property_operator=True,
        ),
        200000,
        fixed("20.00万"),
    ),
    "xishan-2020:9.1.2": Case(  # 5% × 300万
        co(
            years={2020: {"building_occupancy_rate": "40%", "building_renovation_contract": "300万"}},
            commercial_property_operator=True,
        ),
        150000,
        ("5% × 300万 = 15.00万",),
    ),
    "xishan-2020:9.1.3a": Case(
        co(events=(("first_billion_yuan_building", 2020),), commercial_property_operator=True),
        500000,
        fixed("50.00万"),
    ),
    "xishan-2020:9.1.3b": Case(  # 50万 × 2 headquarters
        co(years={2020: {"top500_hq_attracted": 2}}, commercial_property_operator=True),
        1000000,
        ("2 = 2 × 1（取整）；× 50.00万 = 100.00万",),
    ),
    "xishan-2020:9.1.3c": Case(  # 20万 × 3 headquarters
        co(years={2020: {"city_hq_attracted": 3}}, commercial_property_operator=True),
        600000,
        ("3 = 3 × 1（取整）；× 20.00万 = 60.00万",),
    ),
    "xishan-2020:9.2.1a": Case(  # 3% × 2000万
        co(years={2020: {"office_purchase_price": "2000万"}}, events=(("new_headquarters", 2020),), headquarters=True),
        600000,
        ("3% × 2000万 = 60.00万",),
    ),
    "xishan-2020:9.2.1b": Case(  # 10% × 150万
        co(years={2020: {"office_rent_paid": "150万"}}, events=(("new_headquarters", 2020),), headquarters=True),
        150000,
        ("10% × 150万 = 15.00万",),
    ),
    "xishan-2020:9.2.2": Case(  # all of the rent: 100% × 80万
        co(years={2020: {"revenue": "12亿", "office_rent_paid": "80万"}}, headquarters=True),
        800000,
        ("100% × 80万 = 80.00万",),
    ),
    "xishan-2020:9.2.3": Case(  # 5亿 → 5.6亿 (+12%): 1% × 6000万 = 60万, capped at 50万
        co(years={2019: {"revenue": "5亿"}, 2020: {"revenue": "5.6亿"}}, headquarters=True),
        500000,
        ("1% × 6000万 = 60.00万", "封顶 50.00万"),
    ),
    "xishan-2020:9.3.1": Case(  # wholesale sales +20% ≥ 18%
        co(
            "wholesale", years={2019: {"sales": "1亿"}, 2020: {"sales": "1.2亿"}}, events=(("first_above_scale", 2020),)
        ),
        50000,
        fixed("5.00万"),
    ),
    "xishan-2020:9.3.2": Case(  # leasing revenue +25% ≥ 20%
        co(
            "leasing_business_services",
            years={2019: {"revenue": "2000万"}, 2020: {"revenue": "2500万"}},
            events=(("first_above_scale", 2020),),
        ),
        50000,
        fixed("5.00万"),
    ),
    "xishan-2020:9.3.3a": Case(  # sales +30%: the 25% tier
        co("wholesale", years={2019: {"sales": "5亿"}, 2020: {"sales": "6.5亿"}}, above_scale=True),
        80000,
        fixed("8.00万", "增速25%或销售额10亿"),
    ),
    "xishan-2020:9.3.3b": Case(co("wholesale", above_scale=True), None, up_to("50.00万"), 500000),
    "xishan-2020:9.3.4a": Case(  # retail sales +12% exactly: the 12% tier
        co("retail", years={2019: {"sales": "3亿"}, 2020: {"sales": "3.36亿"}}, above_scale=True),
        40000,
        fixed("4.00万", "增速12%或零售额6亿"),
    ),
    "xishan-2020:9.3.4b": Case(co("retail", above_scale=True), None, up_to("50.00万"), 500000),
    "xishan-2020:9.3.6": Case(  # +1200万 (+24%): over 1000万 → 30万
        co("catering", years={2019: {"revenue": "5000万"}, 2020: {"revenue": "6200万"}}, above_scale=True),
        300000,
        fixed("30.00万", "增量1000万—2000万元"),
    ),
    "xishan-2020:9.3.7a": Case(  # +16%: the 15% tier
        co("resident_services", years={2019: {"revenue": "1亿"}, 2020: {"revenue": "1.16亿"}}, above_scale=True),
        40000,
        fixed("4.00万", "增速15%"),
    ),
    "xishan-2020:9.3.7b": Case(co("repair", above_scale=True), None, up_to("20.00万"), 200000),
    "xishan-2020:10.1a": Case(co("culture_creative", events=(("first_above_scale", 2020),)), 50000, fixed("5.00万")),
    "xishan-2020:10.1b": Case(  # +25%, revenue 2.5亿: the 2亿–4亿 tier
        co("culture_creative", years={2019: {"revenue": "2亿"}, 2020: {"revenue": "2.5亿"}}, above_scale=True),
        150000,
        fixed("15.00万", "营收2亿至4亿元"),
    ),
    "xishan-2020:10.2a": Case(
        co(recs=(("cultural_industry_park", "city", 2020),)), 300000, fixed("30.00万", "市级称号")
    ),
    "xishan-2020:10.2b": Case(  # 50% × 60万
        co(years={2020: {"cultural_park_rent": "60万"}}, recs=(("cultural_industry_park", "district", 2018),)),
        300000,
        ("50% × 60万 = 30.00万",),
    ),
    "xishan-2020:13.1a": Case(
        co(years={2020: {"it_fixed_asset_investment": "1200万"}}), 240000, ("2% × 1200万 = 24.00万",)
    ),
    "xishan-2020:13.1b": Case(  # 20% × 300万 = 60万, capped at 50万
        co(years={2020: {"it_pilot_project_investment": "300万"}}),
        500000,
        ("20% × 300万 = 60.00万", "封顶 50.00万"),
    ),
    "xishan-2020:13.1c": Case(
        co(years={2020: {"info_industry_demo_investment": "200万"}}), 600000, ("30% × 200万 = 60.00万",)
    ),
    "xishan-2020:13.2a": Case(co("software_it", events=(("first_above_scale", 2020),)), 50000, fixed("5.00万")),
    "xishan-2020:13.2b": Case(
        co(recs=(("integration_management_system", "certified", 2020),)), 100000, fixed("10.00万", "贯标达标")
    ),
    "xishan-2020:13.2c": Case(co(recs=(("integration_service_provider", "national", 2020),)), 50000, fixed("5.00万")),
    "xishan-2020:13.2d": Case(  # revenue +33%
        co("internet", years={2019: {"revenue": "3000万"}, 2020: {"revenue": "4000万"}}, above_scale=True),
        200000,
        fixed("20.00万"),
    ),
    "xishan-2020:13.3": Case(  # online sales 6000万: over 5000万 → 30万
        co("retail", years={2020: {"online_sales": "6000万"}}),
        300000,
        fixed("30.00万", "5000万至8000万元（含）"),
    ),
    "xishan-2020:14.1a": Case(  # 2万 per whole 亿: 5 × 2万
        co(years={2020: {"domestic_investment_in_place": "5.6亿"}}),
        100000,
        ("5.6亿 = 5 × 1亿（取整）；× 2.00万 = 10.00万",),
    ),
    "xishan-2020:14.1b": Case(  # 5万 per whole 10 million USD: 3 × 5万
        co(years={2020: {"foreign_investment_in_place": 35_000_000}}),
        150000,
        ("US$35,000,000 = 3 × US$10,000,000（取整）；× 5.00万 = 15.00万",),
    ),
    "xishan-2020:14.2.1": Case(co(years={2020: {"export_earnings": 800_000}}), None, up_to("20.00万"), 200000),
    "xishan-2020:14.2.2": Case(  # 12 million USD: above 10 million → up to 20万
        co(years={2020: {"cross_border_ecommerce_trade": 12_000_000}}, events=(("entered_district", 2020),)),
        None,
        up_to("20.00万", "超过1000万美元"),
        200000,
    ),
    "xishan-2020:14.2.3": Case(
        co(years={2020: {"cbec_platform_clients": 25, "cbec_platform_trade": 1_500_000}}), 500000, fixed("50.00万")
    ),
    "xishan-2020:15.1": Case(co(recs=(("agri_leading_enterprise", "city", 2020),)), 100000, fixed("10.00万")),
    "xishan-2020:15.2": Case(co(events=(("agri_quality_certification", 2020),)), 100000, fixed("10.00万")),
    "xishan-2020:15.3": Case(  # 1000 per mu × 120.5 mu
        co("agriculture", years={2020: {"apple_dwarf_planting_area": "120.5"}}),
        120500,
        ("120.5亩 = 120.5 × 1亩；× 1000元 = 12.05万",),
    ),
    "xishan-2020:16.1": Case(  # 500 per m² × 3000 m²
        co(
            FIN,
            years={2020: {"own_office_floor_area": 3000}},
            events=(("entered_district", 2020),),
            legal_person_financial_institution=True,
        ),
        1500000,
        ("3000平方米 = 3000 × 1平方米；× 500元 = 150.00万",),
    ),
    "xishan-2020:16.2": Case(  # 20% × 200万
        co(
            FIN,
            years={2020: {"office_rent_paid": "200万"}},
            events=(("entered_district", 2020),),
            branch_hq_outside_kunming=True,
        ),
        400000,
        ("20% × 200万 = 40.00万",),
    ),
    "xishan-2020:16.3a": Case(  # 250 per m² × 800 m²
        co(
            FIN,
            years={2020: {"own_office_floor_area": 800}},
            events=(("entered_district", 2020),),
            new_type_financial_institution=True,
        ),
        200000,
        ("800平方米 = 800 × 1平方米；× 250元 = 20.00万",),
    ),
    "xishan-2020:16.3b": Case(  # 10% × 600万 = 60万, capped at 50万
        co(
            FIN,
            years={2020: {"office_rent_paid": "600万"}},
            events=(("entered_district", 2020),),
            new_type_financial_institution=True,
        ),
        500000,
        ("10% × 600万 = 60.00万", "封顶 50.00万"),
    ),
    "xishan-2020:16.4": Case(  # 0.01‰ × 50亿
        co(FIN, years={2020: {"deposits_loans_newly_included": "50亿"}}),
        50000,
        ("0.001% × 50亿 = 5.00万",),
    ),
    "xishan-2020:16.5": Case(  # 2019: deposits +10%, loans +15%: 0.5‰ × 2亿 + 0.5‰ × 1.5亿 = 10万 + 7.5万
        co(
            FIN,
            years={
                2018: {"deposits_year_end": "20亿", "loans_year_end": "10亿"},
                2019: {"deposits_year_end": "22亿", "loans_year_end": "11.5亿"},
            },
            legal_person_financial_institution=True,
            deposit_loan_data_in_xishan=True,
        ),
        175000,
        ("0.05% × 2亿 = 10.00万", "0.05% × 1.5亿 = 7.50万", "各项之和 = 17.50万"),
    ),
    "xishan-2020:17": Case(co(events=(("haikou_park_fund_allocated", 2020),)), 30_000_000, fixed("3,000.00万")),
    "xishan-2020:18.1": Case(co(recs=(("tech_center", "national", 2020),)), 500000, fixed("50.00万", "国家级")),
    "xishan-2020:18.2": Case(  # revenue +10% exactly
        co(years={2019: {"revenue": "1000万"}, 2020: {"revenue": "1100万"}}, recs=(("incubator", "city", 2019),)),
        100000,
        fixed("10.00万"),
    ),
    "xishan-2020:19.1": Case(
        co(EQUIP, events=(("first_above_scale", 2020),), strategic_emerging=True),
        200000,
        fixed("20.00万", "战略性新兴产业工业企业"),
    ),
    "xishan-2020:19.2": Case(  # 2亿 → 2.3亿 = +15% exactly: 0.2% × 2.3亿
        co(
            EQUIP,
            years={2019: {"industrial_output": "2亿"}, 2020: {"industrial_output": "2.3亿"}},
            above_scale=True,
            strategic_emerging=False,
        ),
        460000,
        ("达到档次：增长15%", "0.2% × 2.3亿 = 46.00万"),
    ),
    "xishan-2020:19.3": Case(  # 2019 fell 40%; 2020 +5.6%: 0.2% × 1.9亿
        co(
            EQUIP,
            years={
                2018: {"industrial_output": "3亿"},
                2019: {"industrial_output": "1.8亿"},
                2020: {"industrial_output": "1.9亿"},
            },
            above_scale=True,
        ),
        380000,
        ("达到档次：扭负为正且增长5%", "0.2% × 1.9亿 = 38.00万"),
    ),
    "xishan-2020:19.4a": Case(
        co(years={2020: {"city_listing_award": "100万"}}, events=(("ipo_listing", 2020),)),
        600000,
        ("60% × 100万 = 60.00万",),
    ),
    "xishan-2020:19.4b": Case(co(events=(("neeq_listing", 2020),)), 200000, fixed("20.00万")),
    "xishan-2020:20.1": Case(
        co(size="small", years={2020: {"revenue": "1500万"}}, private=True), 100000, fixed("10.00万")
    ),
    "xishan-2020:20.2a": Case(
        co(size="medium", recs=(("little_giant", "national", 2020),), private=True), 50000, fixed("5.00万")
    ),
    "xishan-2020:20.2b": Case(
        co(recs=(("private_enterprise_ranking", "provincial", 2020),), private=True), 100000, fixed("10.00万")
    ),
    # ---------------------------------------------------------------- Xishan 2022 (draft)
    "xishan-2022:3a": Case(  # 2/50 = 4% ≤ 5.5% (2021): 60% to 90% of 10万
        co(size="small", years={2021: {"insured_employees": 50, "layoffs": 2, "unemployment_insurance_paid": "10万"}}),
        None,
        ("达到档次：中小微企业：最高90%", "60%至90% × 10万：6.00万至9.00万，具体金额由部门核定"),
        90000,
    ),
    "xishan-2022:23": Case(  # 6 months × 1.5万
        co(
            "catering",
            "micro",
            {2022: {"state_premises_monthly_rent": "1.5万"}},
            leases_state_owned_premises=True,
            premises_in_covid_risk_area=True,
        ),
        90000,
        ("达到档次：中高风险地区：6个月", "6 × 1.5万 = 9.00万"),
    ),
    # ---------------------------------------------------------------- Yangquan Chengqu 2023 industry
    "yangquan-chengqu-2023-industry:2a": Case(  # Jan+Feb +50%, March +10%: best 50% → 3万
        co(
            "building_materials",
            months={
                "2022-01": {"industrial_output": "1000万"},
                "2022-02": {"industrial_output": "1000万"},
                "2022-03": {"industrial_output": "2000万"},
                "2023-01": {"industrial_output": "1500万"},
                "2023-02": {"industrial_output": "1500万"},
                "2023-03": {"industrial_output": "2200万"},
            },
            above_scale=True,
        ),
        30000,
        fixed("3.00万", "最高月增速达50%"),
    ),
    "yangquan-chengqu-2023-industry:2b": Case(
        co("building_materials", years={2023: {"consecutive_years_above_scale": 3}}, small_to_above_cultivated=True),
        30000,
        fixed("3.00万", "连续三年在规"),
    ),
    "yangquan-chengqu-2023-industry:3a": Case(
        co(recs=(("specialized_sme", "provincial", 2021),)), 20000, fixed("2.00万")
    ),
    "yangquan-chengqu-2023-industry:3b": Case(co(recs=(("little_giant", "provincial", 2022),)), 30000, fixed("3.00万")),
    "yangquan-chengqu-2023-industry:3c": Case(
        co(recs=(("single_champion", "provincial", 2021),)), 30000, fixed("3.00万")
    ),
    "yangquan-chengqu-2023-industry:3d": Case(co(recs=(("little_giant", "national", 2023),)), 50000, fixed("5.00万")),
    "yangquan-chengqu-2023-industry:4a": Case(  # city sourcing 20% → 30% (+10% = 2 steps of 5%): 1% × 10% × 1.2亿
        co(
            years={
                2022: {"city_local_purchases": "2000万", "total_purchases": "1亿"},
                2023: {"city_local_purchases": "3600万", "total_purchases": "1.2亿"},
            },
            chain_leader=True,
        ),
        120000,
        ("1% × 10%（每 5% 为一档，计 2 档） × 1.2亿 = 12.00万",),
    ),
    "yangquan-chengqu-2023-industry:4b": Case(  # local sourcing 10% → 15%: 1% × 5% × 1.2亿 = 6万, capped at 5万
        co(
            years={
                2022: {"local_purchases": "1000万", "total_purchases": "1亿"},
                2023: {"local_purchases": "1800万", "total_purchases": "1.2亿"},
            },
            white_list=True,
        ),
        50000,
        ("1% × 5%（每 5% 为一档，计 1 档） × 1.2亿 = 6.00万", "封顶 5.00万"),
    ),
    "yangquan-chengqu-2023-industry:14a": Case(
        co("building_materials", above_scale=True, rd_institution_listed=True), 20000, fixed("2.00万")
    ),
    "yangquan-chengqu-2023-industry:14b": Case(
        co("building_materials", above_scale=True, rd_growth_target_met=True), 10000, fixed("1.00万")
    ),
    "yangquan-chengqu-2023-industry:15": Case(  # 4000万 → 6000万: first past 5000万 → 2万
        co("building_materials", years={2022: {"revenue": "4000万"}, 2023: {"revenue": "6000万"}}),
        20000,
        fixed("2.00万", "首次突破5000万元"),
    ),
    "yangquan-chengqu-2023-industry:16": Case(
        co(years={2023: {"new_material_insurance_premium": "50万"}}, first_batch_new_material=True),
        400000,
        ("80% × 50万 = 40.00万",),
    ),
}


def _toml_value(value: Any) -> str:
    # JSON strings, numbers and booleans are valid TOML values.
    return json.dumps(value, ensure_ascii=False)


def to_toml(name: str, region: str, data: dict[str, Any]) -> str:
    lines = [f"name = {_toml_value(name)}", f"region = {_toml_value(region)}"]
    lines += [f"{key} = {_toml_value(data[key])}" for key in ("industry", "size") if data.get(key)]
    if data["status"]:
        lines += ["[status]", *(f"{k} = {_toml_value(v)}" for k, v in data["status"].items())]
    for section, rows in (("years", data["years"]), ("months", data["months"])):
        for period, figures in rows.items():
            lines.append(f"[{section}.{_toml_value(str(period))}]")
            lines += [f"{k} = {_toml_value(v)}" for k, v in figures.items()]
    for section in ("events", "recognitions"):
        for item in data[section]:
            lines += [f"[[{section}]]", *(f"{k} = {_toml_value(v)}" for k, v in item.items())]
    return "\n".join(lines) + "\n"


def money_measures() -> set[str]:
    return {m.id for m in load_catalog().measures.values() if pays_money(m.award)}


def test_every_money_measure_has_a_case():
    measures = money_measures()
    assert not measures - CASES.keys(), f"money measures without a case: {sorted(measures - CASES.keys())}"
    assert not CASES.keys() - measures, f"cases for measures that pay no money: {sorted(CASES.keys() - measures)}"


def test_no_money_award_is_left_out_by_mistake():
    # The only measures left out pay nothing: services, and "up to" awards with no ceiling.
    catalog = load_catalog()
    for m in catalog.measures.values():
        if m.id not in CASES:
            assert m.award.kind in ("none", "up_to", "tiers"), m.id
            assert not pays_money(m.award), m.id


def explain_trace(measure_id: str, tmp_path: Path, lang: str) -> dict[str, Any]:
    case = CASES[measure_id]
    catalog = load_catalog()
    policy = catalog.policy_of(catalog.measures[measure_id])
    profile = tmp_path / "firm.toml"
    profile.write_text(to_toml("t", policy.region, case.profile), encoding="utf-8")
    as_of = AS_OF[policy.id]
    res = runner.invoke(
        app, ["explain", measure_id, str(profile), "--format", "json", "--as-of", as_of, "--lang", lang]
    )
    assert res.exit_code == 0, res.stderr
    trace = json.loads(res.stdout, parse_float=Decimal)["trace"]
    result = trace["result"]
    assert result["status"] == "eligible", (result["missing"], result["reasons"])
    assert result["amount"] == case.amount
    assert result["amount_max"] == case.most
    assert result["open"] is not policy.draft  # a day in force, except for a draft
    assert dt.date.fromisoformat(as_of) == dt.date.fromisoformat(trace["as_of"])
    return trace


def assert_in_order(expected: tuple[str, ...], steps: list[str]) -> None:
    positions = []
    for line in expected:
        assert line in steps, f"{line!r} not in {steps}"
        positions.append(steps.index(line))
    assert positions == sorted(positions), steps


@pytest.mark.parametrize("measure_id", sorted(CASES))
def test_explain_shows_the_arithmetic(measure_id: str, tmp_path: Path):
    steps: list[str] = explain_trace(measure_id, tmp_path, "zh")["steps"]
    assert_in_order(CASES[measure_id].steps, steps)
    # Every line in Chinese: no English word (US$ is how both languages write dollars), no ¥.
    assert not re.search(r"[A-Za-z]{2,}|¥", " ".join(steps).replace("US$", "")), steps


# The same arithmetic in English for a case of each kind of step: amounts in ¥ with separators,
# figures with their unit, a sum per unit exact.
EN_STEPS: dict[str, tuple[str, ...]] = {
    "anning-2020:6": ("between ¥400 and ¥6,000 × 5: ¥2,000.00 to ¥30,000.00, the department fixes the sum",),
    "xinzhou-2022:5a": (
        "22.5% × ¥1,000,000 (part from ¥0 to ¥1,000,000) = ¥225,000.00",
        "20% × ¥234,567 (part from ¥1,000,000 to ¥3,000,000) = ¥46,913.40",
        "total ¥271,913.40",
    ),
    "xinzhou-2022:13": (
        "fixed sum ¥100,000.00",
        "¥230,000,000 = 2 whole × ¥100,000,000; × ¥50,000 = ¥100,000.00",
        "sum of parts = ¥200,000.00",
    ),
    "xishan-2020:7.2": ("35,000 t = 3 whole × 10,000 t; × ¥50,000 = ¥150,000.00",),
    "xishan-2020:8": ("2% × ¥18,000,000 = ¥360,000.00", "capped at ¥300,000.00"),
    "xishan-2020:9.3.7b": ("up to ¥200,000.00, at the department's discretion",),
    "xishan-2020:14.1b": ("US$35,000,000 = 3 whole × US$10,000,000; × ¥50,000 = ¥150,000.00",),
    "xishan-2020:15.3": ("120.5 mu = 120.5 × 1 mu; × ¥1,000 = ¥120,500.00",),
    "xishan-2020:16.3a": ("800 m² = 800 × 1 m²; × ¥250 = ¥200,000.00",),
    "xishan-2020:19.2": ("tier reached: growth 15%", "0.2% × ¥230,000,000 = ¥460,000.00"),
    "xishan-2022:3a": (
        "tier reached: SME: up to 90%",
        "between 60% and 90% × ¥100,000: ¥60,000.00 to ¥90,000.00, the department fixes the sum",
    ),
    "yangquan-chengqu-2023-industry:4a": ("1% × 10% → 2 whole step(s) of 5% × ¥120,000,000 = ¥120,000.00",),
}


@pytest.mark.parametrize("measure_id", sorted(EN_STEPS))
def test_explain_shows_the_arithmetic_in_english(measure_id: str, tmp_path: Path):
    steps: list[str] = explain_trace(measure_id, tmp_path, "en")["steps"]
    assert steps == list(EN_STEPS[measure_id])
