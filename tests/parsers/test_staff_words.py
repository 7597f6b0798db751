"""The readers of staff and customer replies after approval (parsers/staff_words.py)."""
from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import staff_words
from parsers.staff_words import (
    Delay, Feasibility, Picked, ProductionWord, Shipping, read_close, read_delay, read_feasibility,
    read_picked, read_production, read_payment, read_shipping, read_window,
)

TODAY = date(2023, 10, 1)
SIGNATURE = "\n张工\n13800138000"
GREETING = "王经理，您好：\n"

# Texts that say none of the things the readers look for.
NOTHING = [
    "",
    "   \n\n",
    "收到，谢谢",
    "您好，请问订单什么时候发货？",
    "Thanks, noted.",
    "张工\n13800138000",
    GREETING + "附件是发票，请查收。" + SIGNATURE,
    "Hi Anna,\nPlease see the attached invoice.\nBest regards,\nTom",
]


# --- feasibility ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "可行", "技术可行", "可以做", "能做", "没问题可以生产", "feasible", "OK to produce",
    "技术上可行，按图纸生产", "可以生产", "It is technically feasible.", "Can be made as drawn.",
    "可以做，但交期要延长一周",
    GREETING + "经评估，技术可行。" + SIGNATURE,
    "Hi Anna,\nfeasible\nRegards,\nTom",
    "ＯＫ　ｔｏ　ｐｒｏｄｕｃｅ",  # full-width
])
def test_feasible(text):
    assert read_feasibility(text) == Feasibility("feasible", None)


@pytest.mark.parametrize("text", [
    "不可行", "技术不可行", "无法实现", "做不了", "不能做", "无法生产", "not feasible", "infeasible",
    "cannot be made", "Not feasible.", "This item can't be made.", "不太可行", "生产不了",
    GREETING + "技术不可行" + SIGNATURE,
    "不可行。\n\n张工\n13800138000",
])
def test_infeasible_without_a_reason(text):
    assert read_feasibility(text) == Feasibility("infeasible", None)


@pytest.mark.parametrize("text, reason", [
    ("不可行：孔距太小，最小只能做到8mm", "孔距太小，最小只能做到8mm"),
    ("不可行:孔距太小", "孔距太小"),
    ("技术不可行，原因：孔距太小", "孔距太小"),
    ("技术不可行，原因是壁厚不足", "壁厚不足"),
    ("技术不可行，因为壁厚不足。", "壁厚不足"),
    ("无法实现 理由：公差要求太严", "公差要求太严"),
    ("技术不可行\n原因：孔距太小\n\n谢谢\n张工\n13800138000", "孔距太小"),
    ("不可行\n1. 孔距太小\n2. 材料不符" + SIGNATURE, "1. 孔距太小\n2. 材料不符"),
    (GREETING + "经评估，技术不可行。\n原因：孔距太小，最小只能做到8mm\n\n谢谢\n张工\n13800138000",
     "孔距太小，最小只能做到8mm"),
    ("Not feasible because the wall is too thin.", "the wall is too thin"),
    ("Hi Anna,\nCannot be made: tolerance too tight\nRegards,\nTom\n+86 138 0013 8000", "tolerance too tight"),
    ("infeasible - reason: material not available", "material not available"),
    ("不可行；孔距太小", "孔距太小"),  # full-width semicolon
])
def test_infeasible_with_its_reason(text, reason):
    assert read_feasibility(text) == Feasibility("infeasible", reason)


@pytest.mark.parametrize("text", ["不可行", "技术不可行", "不可行，其他都可行", "可行？不可行", "技术上不可行，可行性很低"])
def test_not_feasible_is_never_read_as_feasible(text):
    assert read_feasibility(text).verdict == "infeasible"


@pytest.mark.parametrize("text", NOTHING + [
    "可行吗？", "是否可行请评估", "技术可行性评估中", "只能做到8mm", "能做吗?", "Is it feasible?",
    "我们评估后回复",
])
def test_no_feasibility(text):
    assert read_feasibility(text) is None


# --- production ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, finish", [
    ("已排产", None),
    ("排产完成", None),
    ("scheduled", None),
    ("已排产，完工日期 2023-10-20", date(2023, 10, 20)),
    ("已排产，预计10月20日完工", date(2023, 10, 20)),
    ("已排产 计划完工：10/20", date(2023, 10, 20)),
    ("scheduled, completion 20 Oct", date(2023, 10, 20)),
    ("Scheduled, to be completed by Oct 20.", date(2023, 10, 20)),
    ("排产完成，生产完成时间：2023年10月25日", date(2023, 10, 25)),
    ("已排产，预计１０月２０日完工。", date(2023, 10, 20)),  # full-width digits
    ("已排产，10月15日开始生产", None),  # a start, not a completion
    ("已排产，还没完工", None),
    ("已排产，预计下周五完工", date(2023, 10, 6)),  # relative, as parsers.dates reads it
    (GREETING + "订单已排产，预计10月20日完工。\n生产部 张工\n13800138000", date(2023, 10, 20)),
    ("P001已完工，P002已排产，预计10月20日完工", date(2023, 10, 20)),  # the last said counts
])
def test_scheduled(text, finish):
    assert read_production(text, TODAY) == ProductionWord("scheduled", finish)


@pytest.mark.parametrize("text", [
    "已完工", "生产完成", "完工了", "已生产完毕", "completed", "production done", "finished",
    "Production is done.", "已排产，现已完工", "全部完工，可以安排发货",
    GREETING + "订单已完工。" + SIGNATURE,
    "ＣＯＭＰＬＥＴＥＤ",
])
def test_completed(text):
    assert read_production(text, TODAY) == ProductionWord("completed", None)


@pytest.mark.parametrize("text", NOTHING + [
    "未完工", "还没完工", "尚未排产", "not completed", "not yet scheduled", "生产还没完成", "尚未生产完成",
    "The order has not been scheduled yet", "Production hasn't finished.", "请问排产了吗？",
    "预计10月20日完工",  # a date, but no word that the order is scheduled
])
def test_no_production_word(text):
    assert read_production(text, TODAY) is None


def test_a_completion_date_without_a_year_is_the_next_one():
    assert read_production("已排产，预计1月5日完工", date(2023, 12, 20)).finish == date(2024, 1, 5)


# --- picking -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "已备货", "备货完成", "备货好了", "已拣货", "picked", "ready to ship", "goods ready", "Goods are ready.",
    "货已备好，请安排发货", GREETING + "已备货。" + SIGNATURE, "已备货\n订单号 PO2023001\n张工 13800138000",
])
def test_picked_without_figures(text):
    assert read_picked(text) == Picked({})


@pytest.mark.parametrize("text, quantities", [
    ("已备货\nP001 100\nP002 48", {"P001": "100", "P002": "48"}),
    ("备货完成：P001：100台，P002：48台", {"P001": "100", "P002": "48"}),
    ("已拣货 P001 x 100；P002 X 48", {"P001": "100", "P002": "48"}),
    ("picked: P001 100 pcs, P002 48 pcs", {"P001": "100", "P002": "48"}),
    ("已备货，P002 数量 48", {"P002": "48"}),
    ("备货好了\nab-1203 12.5\nsku9 3", {"AB-1203": "12.5", "SKU9": "3"}),
    ("已备货，P001 100，P002 48.5；AB-1203×12", {"P001": "100", "P002": "48.5", "AB-1203": "12"}),
    ("P001 1,000 pcs, picked", {"P001": "1000"}),
    ("您好，备货完成：\nP001：１００台\nP002 数量：４８\n仓库 李四\n13800138000", {"P001": "100", "P002": "48"}),
    ("Ready to ship:\nP001*100\nP002 * 48", {"P001": "100", "P002": "48"}),
])
def test_picked_with_figures(text, quantities):
    assert read_picked(text) == Picked({sku: Decimal(qty) for sku, qty in quantities.items()})


@pytest.mark.parametrize("text", NOTHING + [
    "未备货", "还没备好", "not picked yet", "备货还没完成", "尚未拣货", "Goods are not ready yet",
    "P001 100\nP002 48", "还没备好货，P001 100",
])
def test_not_picked(text):
    assert read_picked(text) is None


# --- payment -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, amount", [
    ("已收款 35,560.00", "35560.00"),
    ("已收款：¥35560", "35560"),
    ("收到货款 17780元", "17780"),
    ("已到账 5万", "50000"),
    ("payment received 35,560.00", "35560.00"),
    ("received CNY 35560", "35560"),
    ("Received: 17,780.00", "17780.00"),
    ("已收款：￥35560", "35560"),  # the GBK yuan sign
    ("已收款３５，５６０．００元", "35560.00"),  # full-width
    ("货款35560元已到账", "35560"),
    ("已收到贵司货款 ￥17,780.00，谢谢", "17780.00"),
    ("已收款三万五千元", "35000"),
    ("We have received payment of USD 1,000.00", "1000.00"),
    (GREETING + "已收款 35,560.00\n财务部 李娜\n13800138000", "35560.00"),
    ("财务部：已到账1.2万元" + SIGNATURE, "12000"),
])
def test_payment(text, amount):
    assert read_payment(text) == Decimal(amount)


@pytest.mark.parametrize("text", NOTHING + [
    "已收款", "已收到全款", "未收款", "还没到账", "not received", "payment not received 35560",
    "款项尚未到账 35560", "Payment has not been received yet.", "收到一笔", "已到账 10月15日",
    "已收到您的邮件 100", "已收款，谢谢" + SIGNATURE, "订单金额 35,560.00",
])
def test_no_payment(text):
    assert read_payment(text) is None


# --- shipping ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, carrier, tracking, packages", [
    ("承运商:顺丰速运 运单号:SF1234567890123 件数:2", "顺丰速运", "SF1234567890123", 2),
    ("运单号：SF1234567890123 承运商：顺丰速运 件数：2", "顺丰速运", "SF1234567890123", 2),
    ("承运商：顺丰速运\n运单号：SF1234567890123\n件数：2", "顺丰速运", "SF1234567890123", 2),
    ("快递公司：中通快递\n快递单号：78123456789012\n箱数：3", "中通快递", "78123456789012", 3),
    ("快递：中通快递\n单号：78123456789012\n共3件", "中通快递", "78123456789012", 3),
    ("物流公司 德邦物流 物流单号 DPK123456789012 包裹数 4", "德邦物流", "DPK123456789012", 4),
    ("已发货，物流 德邦物流 单号 DPK123456789012 共两件", "德邦物流", "DPK123456789012", 2),
    ("carrier: SF Express tracking no. SF 1234 5678 9012 3 packages: 2", "SF Express", "SF1234567890123", 2),
    ("Carrier: DHL\nTracking number: 1234567890\nCartons: 5", "DHL", "1234567890", 5),
    ("AWB: 123-45678901 carrier: FedEx", "FedEx", "123-45678901", None),
    ("Waybill 1234567890, 2 packages", None, "1234567890", 2),
    ("运单号：SF1234567890123，请查收", None, "SF1234567890123", None),
    ("运单号 SF1234567890123 2件", None, "SF1234567890123", 2),
    ("承运商：顺丰速运", "顺丰速运", None, None),
    ("承运商：ＤＨＬ　运单号：１２３４５６７８９０　件数：１", "ＤＨＬ", "1234567890", 1),  # full-width
    ("运单号：\nSF1234567890123\n承运商：\n顺丰", "顺丰", "SF1234567890123", None),  # the value on the next line
    ("tracking no. SF1234567 2 packages", None, "SF1234567", 2),
    ("承运商：顺丰速运有限公司", "顺丰速运有限公司", None, None),
    ("运单号：SF1234567890123 2023-10-15发出", None, "SF1234567890123", None),
    (GREETING + "已发货\n快递公司：顺丰速运\n快递单号：SF 1234 5678 9012 3\n箱数：3" + SIGNATURE,
     "顺丰速运", "SF1234567890123", 3),
])
def test_shipping(text, carrier, tracking, packages):
    assert read_shipping(text) == Shipping(carrier, tracking, packages)


@pytest.mark.parametrize("text", NOTHING + [
    "已发货，请注意查收", "订单号：PO123 已发货", "运单号稍后提供", "件数：2", "Shipped today, 2 packages",
])
def test_no_shipping(text):
    assert read_shipping(text) is None


# --- delay ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, reason, new_date", [
    ("延迟:暴雨封路 预计送达:10月18日", "暴雨封路", date(2023, 10, 18)),
    ("延迟：暴雨封路 预计送达：10月18日", "暴雨封路", date(2023, 10, 18)),  # full-width colons
    ("delayed: road closed, new ETA 18 Oct", "road closed", date(2023, 10, 18)),
    ("因暴雨封路，货物延误，预计10月18日送达", "暴雨封路", date(2023, 10, 18)),
    ("延误原因：司机生病\n新的送达日期：2023-10-20", "司机生病", date(2023, 10, 20)),
    ("Shipment delayed due to customs inspection. New ETA: Oct 20", "customs inspection", date(2023, 10, 20)),
    ("推迟到10月18日", None, date(2023, 10, 18)),
    ("delivery postponed until 20 October", None, date(2023, 10, 20)),
    ("延迟：暴雨封路，预计明天送达", "暴雨封路", date(2023, 10, 2)),
    ("货物延误，原因：暴雨封路", "暴雨封路", None),
    ("Delayed.", None, None),
    (GREETING + "因暴雨封路，货物延误，原定10月15日，预计10月18日送达。" + SIGNATURE, "暴雨封路", date(2023, 10, 18)),
    ("原定10月15日送达，延迟至10月18日", None, date(2023, 10, 18)),
])
def test_delay(text, reason, new_date):
    assert read_delay(text, TODAY) == Delay(reason, new_date)


@pytest.mark.parametrize("text", NOTHING + [
    "货物已按时送达", "不会延迟", "没有延误", "no delay", "Delivery will not be delayed.", "预计10月18日送达",
])
def test_no_delay(text):
    assert read_delay(text, TODAY) is None


def test_a_delay_by_days_gives_no_date():
    assert read_delay("预计推迟两天", TODAY) == Delay(None, None)


# --- delivery window -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, first, last", [
    ("10月15日-10月16日", date(2023, 10, 15), date(2023, 10, 16)),
    ("10月15日至16日", date(2023, 10, 15), date(2023, 10, 16)),
    ("2023-10-15 ~ 2023-10-16", date(2023, 10, 15), date(2023, 10, 16)),
    ("15-16 Oct", date(2023, 10, 15), date(2023, 10, 16)),
    ("Oct 15 to Oct 16", date(2023, 10, 15), date(2023, 10, 16)),
    ("10月15日", date(2023, 10, 15), date(2023, 10, 15)),
    ("2023年10月15日-16日", date(2023, 10, 15), date(2023, 10, 16)),
    ("10月15-16日", date(2023, 10, 15), date(2023, 10, 16)),
    ("15th to 16th October 2023", date(2023, 10, 15), date(2023, 10, 16)),
    ("October 15 – 16", date(2023, 10, 15), date(2023, 10, 16)),
    ("Oct 15-16", date(2023, 10, 15), date(2023, 10, 16)),
    ("10/15-10/16", date(2023, 10, 15), date(2023, 10, 16)),
    ("１０月１５日～１０月１６日", date(2023, 10, 15), date(2023, 10, 16)),  # full-width
    ("10月15日到10月16日之间都可以", date(2023, 10, 15), date(2023, 10, 16)),
    ("12月30日-1月2日", date(2023, 12, 30), date(2024, 1, 2)),  # across the new year
    ("2023-10-15", date(2023, 10, 15), date(2023, 10, 15)),
    ("Oct 15", date(2023, 10, 15), date(2023, 10, 15)),
    (GREETING + "我们10月15日至16日都可以收货。" + SIGNATURE, date(2023, 10, 15), date(2023, 10, 16)),
])
def test_window(text, first, last):
    assert read_window(text, TODAY) == (first, last)


@pytest.mark.parametrize("text", NOTHING + [
    "10月16日-10月15日", "2023-10-16 ~ 2023-10-15", "随时都可以", "尽快送货",
    "10月15日或10月18日",  # two dates, neither a range
])
def test_no_window(text):
    assert read_window(text, TODAY) is None


@pytest.mark.parametrize("text, today, expected", [
    ("1月5日", date(2023, 12, 20), date(2024, 1, 5)),  # after the new year
    ("12月20日", date(2024, 1, 10), date(2023, 12, 20)),  # three weeks past: still that day
    ("9月10日", date(2023, 10, 5), date(2023, 9, 10)),
    ("7月20日", date(2023, 10, 1), date(2024, 7, 20)),  # more than two months past: next year
    ("10月15日", date(2023, 10, 1), date(2023, 10, 15)),
])
def test_a_month_and_day_take_the_nearest_year(text, today, expected):
    assert read_window(text, today) == (expected, expected)


# --- close ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "闭环", "可以闭环", "关闭订单", "close the order", "close it", "客户已签收，可以闭环。\n张工",
    "Please close the order, thanks", "OK to close", GREETING + "订单可以闭环" + SIGNATURE,
])
def test_close(text):
    assert read_close(text) is True


@pytest.mark.parametrize("text", NOTHING + [
    "不能闭环", "暂不闭环", "don't close", "Do not close it yet", "先不要关闭订单，还有尾款", "订单未闭环",
    "是否可以闭环", "可以闭环吗？", "Can we close the order?",
])
def test_no_close(text):
    assert read_close(text) is False


# --- greetings and signatures --------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("已完工\n13800138000", ProductionWord("completed", None)),
    ("Completed\nTom\n+86 138 0013 8000", ProductionWord("completed", None)),
    ("已完工\n\n生产部 王伟\n深圳某某科技有限公司\nTel: 0755-12345678\nwang@example.com", ProductionWord("completed", None)),
    ("Hi Anna,\nscheduled\nSent from my iPhone", ProductionWord("scheduled", None)),
])
def test_a_signature_line_is_not_the_reply(text, expected):
    assert read_production(text, TODAY) == expected


@pytest.mark.parametrize("text, reason", [
    ("技术不可行\n王伟\n13800138000", None),  # a bare name above a phone number is a signature
    ("技术不可行\n孔距太小\n\n此致\n敬礼\n张工", "孔距太小"),
])
def test_a_signature_is_no_reason(text, reason):
    assert read_feasibility(text) == Feasibility("infeasible", reason)


# --- the module ----------------------------------------------------------------------------------

def test_results_are_frozen_and_exported():
    for result in (Feasibility("feasible"), ProductionWord("completed"), Picked({}), Shipping(None, "1", None),
                   Delay(None, None)):
        assert dataclasses.is_dataclass(result)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(result, dataclasses.fields(result)[0].name, None)
    for name in ("Feasibility", "ProductionWord", "Picked", "Shipping", "Delay", "read_feasibility",
                 "read_production", "read_picked", "read_payment", "read_shipping", "read_delay",
                 "read_window", "read_close"):
        assert name in staff_words.__all__


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("已不可行排产完工备货收款到账运单号承运商延迟闭环月日至：:,，；;- \n"
                                           "0123456789PSFxOct15toscheduled")), max_size=60))
def test_the_readers_never_raise(text):
    read_feasibility(text)
    read_production(text, TODAY)
    read_picked(text)
    read_payment(text)
    read_shipping(text)
    read_delay(text, TODAY)
    read_window(text, TODAY)
    read_close(text)


@pytest.mark.parametrize("text, expected", [
    ("先发现货吧，剩下的等生产好再发", "partial"),
    ("有多少先发多少", "partial"),
    ("Please ship what is in stock now, the rest later.", "partial"),
    ("分批发货可以", "partial"),
    ("我们可以等新交期。\n王先生\n13800000001", "wait"),
    ("同意延期", "wait"),
    ("We can wait for the full order.", "wait"),
    ("P001换成P002替代", "substitute"),
    ("能否先发现货？", None),  # asked, not said: the rep reads it
    ("好的，收到", None),
    ("", None),
])
def test_the_customers_answer_to_a_shortage_notice(text, expected):
    from parsers.staff_words import read_shortage_choice

    assert read_shortage_choice(text) == expected


def test_a_pick_line_may_name_the_spec_picked():
    from parsers.staff_words import read_picked

    picked = read_picked("已备货\nP001 100 规格 L-500×300\nP002 48台，规格：L-800x400\nP004 40")
    assert picked.quantities == {"P001": Decimal(100), "P002": Decimal(48), "P004": Decimal(40)}
    assert picked.specs == {"P001": "L-500×300", "P002": "L-800x400"}
