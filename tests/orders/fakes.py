"""An in-memory MasterData for the domain's unit tests."""
from decimal import Decimal

from orders.master import CustomerRecord, ProductRecord, StaffMember

HUADONG = CustomerRecord(code="CUST001", name="华东精密机械有限公司", contact="王先生", phone="13800000001",
                         email="purchase@huadong.example", address="上海市浦东新区张江路100号",
                         credit_limit=Decimal("200000"), payment_terms="预付30%",
                         sales_rep_email="rep@company.example")
A_PRODUCT = ProductRecord(sku="P001", name="A产品", spec="L-500×300", unit="台", unit_price=Decimal("500"))
BRACKET = ProductRecord(sku="P003", name="C型支架", spec="定制", unit="件", unit_price=Decimal("80"),
                        kind="custom", lead_days=7)


STAFF = (StaffMember(email="rep@company.example", name="张丽", role="sales_rep"),
         StaffMember(email="manager@company.example", name="王强", role="sales_manager",
                     deputy_email="deputy@company.example"),
         StaffMember(email="deputy@company.example", name="李副", role="sales_rep"),
         StaffMember(email="finance@company.example", name="赵财", role="finance"),
         StaffMember(email="warehouse@company.example", name="钱仓", role="warehouse"),
         StaffMember(email="production@company.example", name="孙产", role="production"))


class FakeMaster:
    def __init__(self, customers=(HUADONG,), products=(A_PRODUCT, BRACKET), staff=STAFF):
        self.customers, self.products, self.staff = list(customers), list(products), list(staff)

    def staff_by_email(self, email):
        return next((m for m in self.staff if m.email.casefold() == email.casefold()), None)

    def staff_with_role(self, role):
        return [m for m in self.staff if m.role == role]

    def receivable(self, customer_code, *, besides=None):
        return Decimal(0)  # no other orders in the domain's unit tests

    def customer_by_code(self, code):
        return next((c for c in self.customers if c.code == code), None)

    def customer_by_email(self, email):
        return next((c for c in self.customers if email.casefold() in c.addresses()), None)

    def customer_by_name(self, name):
        return next((c for c in self.customers if c.name == name.strip()), None)

    def product_by_sku(self, sku):
        return next((p for p in self.products if p.sku.casefold() == sku.casefold()), None)

    def product_by_name(self, name):
        return next((p for p in self.products if p.name == name), None)

    def has_products(self):
        return bool(self.products)
