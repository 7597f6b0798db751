"""Generated order emails for benchmarks: varied customers, items, charsets
and problems, as customers write them."""
from __future__ import annotations

import random
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

CUSTOMERS = [("CUST001", "华东精密机械有限公司", "王先生", "purchase@huadong.example"),
             ("CUST002", "Northwind Trading Co.", "Alice Chen", "alice@northwind.example"),
             ("CUST003", "深圳启明电子有限公司", "赵女士", "zhao@qiming.example")]
ITEMS = [("P001", "A产品", "L-500×300", "台", 500), ("P002", "B产品", "L-800×400", "台", 1200),
         ("P003", "C型支架", "定制", "件", 80), ("P004", "Control board", "CB-24V", "pcs", 360)]
START = datetime(2023, 10, 1, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def order_email(n: int, rng: random.Random) -> bytes:
    code, name, contact, address = rng.choice(CUSTOMERS)
    lines, total = [], 0
    for i, (sku, item, spec, unit, price) in enumerate(rng.sample(ITEMS, rng.randint(1, 3)), start=1):
        qty = rng.randint(1, 200)
        total += qty * price
        lines.append(f"序号:{i}\n商品编码:{sku}\n商品名称:{item}\n规格型号:{spec}\n数量:{qty}{unit}\n单价:{price:,}元\n")
    delivery = "尽快" if n % 7 == 0 else f"2023年{rng.randint(10, 12)}月{rng.randint(1, 28)}日"
    body = (f"您好,订购如下:\n\n采购单号:PO-{n:05d}\n客户名称:{name}\n客户编码:{code}\n联系人:{contact}\n\n"
            + "\n".join(lines) + f"\n运费:{rng.choice([0, 300, 800])}元\n要求交付日期:{delivery}\n"
            f"实付金额:{total:,}元\n付款方式:预付30%\n特殊需求:需防潮包装\n")
    message = EmailMessage()
    message["From"] = f"{contact} <{address}>"
    message["To"] = "orders@example.com"
    message["Subject"] = f"订购单 PO-{n:05d}"
    message["Date"] = format_datetime(START + timedelta(minutes=n))
    message["Message-ID"] = f"<po-{n:05d}@bench.example>"
    charset = "gb18030" if n % 3 == 0 else "utf-8"
    message.set_content(body, charset=charset, cte="base64" if n % 2 else "quoted-printable")
    return message.as_bytes()


def order_emails(count: int, seed: int = 2023) -> list[bytes]:
    rng = random.Random(seed)
    return [order_email(n, rng) for n in range(1, count + 1)]
