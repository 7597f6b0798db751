"""Money and quantities as Decimal, never float.

Amounts enter as strings ("50,000", "5万", "¥1,200.00" are normalised by the
parsers first) and are rounded once, to the fen, at line totals.
"""
from decimal import ROUND_HALF_UP, Decimal, localcontext

CENT = Decimal("0.01")
ZERO = Decimal("0")
# Room for any figure a customer can type, so arithmetic on an absurd one
# (a 29-digit quantity) yields a number the checks can refuse, not an exception.
PRECISION = 80


def round_money(amount: Decimal) -> Decimal:
    with localcontext(prec=PRECISION):
        return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def line_amount(quantity: Decimal, unit_price: Decimal) -> Decimal:
    with localcontext(prec=PRECISION):
        return round_money(quantity * unit_price)


def payable(goods_total: Decimal, freight: Decimal, discount: Decimal) -> Decimal:
    """实付金额 = 商品总价 + 运费 − 折扣."""
    with localcontext(prec=PRECISION):
        return round_money(goods_total + freight - discount)
