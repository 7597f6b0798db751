"""The customer reader on what the fourth author's set showed it lacked: legal forms of more countries and
forms written before the name, institutions that buy, firms signing without a form, an address said
without a colon, the number written after an address, the first of several labelled numbers, a
buyer as a purchasing platform labels it. New examples, not the set's emails."""
import pytest

from orders.model import CustomerInfo, OrderDraft
from parsers.entities import address_in, company_in, person_in, short_company
from parsers.identity import fill_identity, signature_identity
from parsers.result import Envelope


def _filled(text, name="王明", sender="buyer@example.cn", **customer):
    draft = OrderDraft(customer=CustomerInfo(**customer))
    fill_identity(draft, text, Envelope(subject="订单", sender=sender, sender_name=name))
    return draft.customer


@pytest.mark.parametrize("line, company", [
    ("Sharjah Cable Supplies FZE", "Sharjah Cable Supplies FZE"),
    ("Jebel Ali Motors FZCO", "Jebel Ali Motors FZCO"),
    ("Manama Industrial Services W.L.L.", "Manama Industrial Services W.L.L."),
    ("Andina Bombas S.A.C.", "Andina Bombas S.A.C."),
    ("Vilnius Pavaros UAB", "Vilnius Pavaros UAB"),
    ("Karaganda Drive TOO", "Karaganda Drive TOO"),
    ("Volga Petro PJSC", "Volga Petro PJSC"),
    ("ООО «СибМаш»", "ООО «СибМаш»"),
    ('OOO "Kama Motors"', 'OOO "Kama Motors"'),
    ("ТОО \"Астана Насос\" отдел закупок", "ТОО \"Астана Насос\""),
    ("PT Sumber Teknik Abadi", "PT Sumber Teknik Abadi"),
    ("梧州市第二人民医院 设备科", "梧州市第二人民医院"),
    ("南岭大学 材料学院 结构实验室", "南岭大学"),
    ("青石县交通运输局", "青石县交通运输局"),
])
def test_legal_forms_of_more_countries_and_institutions(line, company):
    assert company_in(line) == company


@pytest.mark.parametrize("line", ["大学城北路88号", "学院路12号", "IP camera 4MP", "PT100 sensor, 3 pcs", "Please quote 'A' grade",
                                  "我们去医院", "调整车间布局"])
def test_words_that_only_look_like_a_form_are_no_company(line):
    assert company_in(line) is None


def test_a_college_after_its_university_is_not_the_company_in_running_text():
    assert company_in("我是南岭大学材料学院的老师", strong=True) != "材料学院"


@pytest.mark.parametrize("line, company", [
    ("Sai Krishna Engineering Works", "Sai Krishna Engineering Works"),
    ("Mehta Brothers", "Mehta Brothers"),
    ("Ravi Steel & Sons", "Ravi Steel & Sons"),
    ("Deccan Hydraulics", "Deccan Hydraulics"),
    ("鑫源泵业 老周", "鑫源泵业"),
    ("宏达五金 张丽", "宏达五金"),
    ("Civil Works", None),
    ("Maintenance Works", None),
    ("Purchase Manager, Deccan Hydraulics", None),
    ("宏达五金 老师", None),
])
def test_a_firm_signing_without_a_legal_form(line, company):
    assert short_company(line) == company


def test_an_indian_signature_without_a_legal_form_gives_the_firm():
    text = "Kindly supply 6 Nos gearbox.\n\nThanks & regards,\nPrakash Rao\nSai Krishna Engineering Works\n"
    found = signature_identity(text, "Prakash Rao")
    assert (found.name, found.contact) == ("Sai Krishna Engineering Works", "Prakash Rao")


def test_a_shop_signing_with_its_short_name_and_a_familiar_name():
    customer = _filled("老板，再来200个6306轴承\n地址老地方 义乌国际商贸城二区B座305号 电话13857912345\n\n鑫源五金 老周\n",
                       name="鑫源五金")
    assert (customer.name, customer.contact, customer.phone, customer.address) == (
        "鑫源五金", "老周", "13857912345", "义乌国际商贸城二区B座305号")


@pytest.mark.parametrize("line, address", [
    ("地址还是原来那个 金华五金市场东区A座8号", "金华五金市场东区A座8号"),
    ("地址是台州路桥机电城3幢21号", "台州路桥机电城3幢21号"),
    ("地址没变，老地方", None),
    ("地址在微信发你了", None),
])
def test_an_address_said_without_a_colon(line, address):
    assert address_in(line) == address


def test_the_number_and_person_after_a_labelled_address_are_the_customers():
    customer = _filled("请发货。\n\n韶关建工有限公司\n",
                       address="韶关市浈江区工业西路21号 3号仓库，联系人邓建平 13719001234")
    assert (customer.address, customer.phone, customer.contact) == (
        "韶关市浈江区工业西路21号 3号仓库", "13719001234", "邓建平")


@pytest.mark.parametrize("phone, first", [
    ("020-3655 1188 / 13602201188", "020-3655 1188"),
    ("13602201188、020-3655 1188", "13602201188"),
    ("+971 4 221 0099 or +971 55 120 3344", "+971 4 221 0099"),
    ("0755-2661 0000 转 808", "0755-2661 0000 转 808"),
])
def test_of_several_labelled_numbers_the_first_is_the_phone(phone, first):
    assert _filled("请发货。\n", phone=phone).phone == first


def test_a_spaced_contact_label_in_a_form():
    customer = _filled("采购单位：梧州市第二人民医院\n联 系 人：覃海燕（设备科）\n联系电话：0774-3822100\n\n订购输液泵10台。\n")
    assert customer.contact == "覃海燕"


@pytest.mark.parametrize("text, name", [
    ("订单编号：\tGP2025001\n采购人：\t青石县交通运输局\n采购人联系人：\t莫志强\n", "青石县交通运输局"),
    ("甲方：南岭大学后勤处\n乙方：供应商\n", "南岭大学后勤处"),
    ("采购人：莫志强\n", None),
])
def test_the_buyer_a_purchasing_platform_labels(text, name):
    assert _filled(text, name="政府采购电子卖场").name == name


@pytest.mark.parametrize("line, company", [
    ("Công ty TNHH Thiết bị Hải Long", "Công ty TNHH Thiết bị Hải Long"),
    ("CÔNG TY CỔ PHẦN BƠM SÀI GÒN", "CÔNG TY CỔ PHẦN BƠM SÀI GÒN"),
    ("주식회사 대한펌프", "주식회사 대한펌프"),
    ("(주)우성정밀 구매팀", "(주)우성정밀"),
    ("บริษัท ไทยมอเตอร์ จำกัด", "บริษัท ไทยมอเตอร์ จำกัด"),
    ("KLANG VALLEY PUMPS SDN. BHD.", "KLANG VALLEY PUMPS SDN. BHD."),
    ("HAIPHONG DRIVES CO., LTD.", "HAIPHONG DRIVES CO., LTD."),
    ("Sharqiya Pumps L.L.C", "Sharqiya Pumps L.L.C"),
    ("Al Wasl Electromechanical Est.", "Al Wasl Electromechanical Est."),
    ("PT. Karya Mesin Utama", "PT. Karya Mesin Utama"),
    ("Anadolu Pompa San. ve Tic. Ltd. Şti.", "Anadolu Pompa San. ve Tic. Ltd. Şti."),
])
def test_forms_in_capitals_and_in_vietnamese_korean_thai(line, company):
    assert company_in(line) == company


@pytest.mark.parametrize("line, person", [
    ("Сергей Миронов", "Сергей Миронов"), ("Менеджер по закупкам", None), ("Trần Quốc Bảo", "Trần Quốc Bảo"),
    ("이준호", "이준호"), ("구매팀 이준호 대리", "이준호"), ("감사합니다", None), ("영업부", None),
])
def test_names_in_cyrillic_vietnamese_and_hangul(line, person):
    assert person_in(line) == person


@pytest.mark.parametrize("line, address", [
    ("Plot No. 17, GIDC Estate, Vatva, Ahmedabad 382445", "Plot No. 17, GIDC Estate, Vatva, Ahmedabad 382445"),
    ("P.O. Box 4471, Sharjah, UAE", "P.O. Box 4471, Sharjah, UAE"),
    ("Warehouse 9, Street 12, Ras Al Khor Industrial Area 2, Dubai", "Warehouse 9, Street 12, Ras Al Khor Industrial Area 2, Dubai"),
    ("Office 804, Al Moosa Tower, Sheikh Zayed Road, Dubai", "Office 804, Al Moosa Tower, Sheikh Zayed Road, Dubai"),
    ("88/12 Moo 3, Sukhumvit Rd, Bang Pu, Samut Prakan 10280", "88/12 Moo 3, Sukhumvit Rd, Bang Pu, Samut Prakan 10280"),
    ("454080, Chelyabinsk, ul. Entuziastov 12, ofis 3", "454080, Chelyabinsk, ul. Entuziastov 12, ofis 3"),
    ("пр. Мира, д. 21, Омск, 644050", "пр. Мира, д. 21, Омск, 644050"),
    ("Số 45 Đường Lê Lợi, Quận 3, TP. Hồ Chí Minh", "Số 45 Đường Lê Lợi, Quận 3, TP. Hồ Chí Minh"),
    ("Jl. Gatot Subroto Km 8, Tangerang 15136", "Jl. Gatot Subroto Km 8, Tangerang 15136"),
    ("부산광역시 해운대구 센텀중앙로 97", "부산광역시 해운대구 센텀중앙로 97"),
    ("Ship to our warehouse at 410 Dock St, Tacoma, WA 98402", "410 Dock St, Tacoma, WA 98402"),
])
def test_addresses_of_more_countries_and_numbered_plots(line, address):
    assert address_in(line) == address


def test_signatures_in_russian_and_vietnamese():
    found = signature_identity("Спасибо.\n\nС уважением,\nСергей Миронов\nМенеджер по закупкам\nООО «ВолгаНасос»\n"
                               "Тел.: +7 (846) 270-11-22\n443013, Самара, ул. Дачная, д. 2\n", "Sergey Mironov")
    assert (found.name, found.contact, found.phone, found.address) == (
        "ООО «ВолгаНасос»", "Сергей Миронов", "+7 (846) 270-11-22", "443013, Самара, ул. Дачная, д. 2")
    found = signature_identity("Cảm ơn.\n\nTrân trọng,\nTrần Quốc Bảo\nCông ty TNHH Thiết bị Hải Long\n"
                               "ĐT: +84 24 3771 2345\n", "Bao Tran")
    assert (found.name, found.contact, found.phone) == ("Công ty TNHH Thiết bị Hải Long", "Trần Quốc Bảo", "+84 24 3771 2345")


@pytest.mark.parametrize("contact, person", [
    ("覃海燕（设备科）", "覃海燕"), ("Omar Haddad (Purchasing)", "Omar Haddad"), ("黄工/工程部", "黄工"),
    ("邓丽 采购部", "邓丽"), ("周斌（实验室）", "周斌"), ("Li Na (Nina)", "Li Na (Nina)"), ("Trần Quốc Bảo", "Trần Quốc Bảo"),
])
def test_the_contact_without_the_department_the_value_adds(contact, person):
    assert _filled("请发货。\n", contact=contact).contact == person


@pytest.mark.parametrize("line, company", [("青石县人民政府办公室", "青石县人民政府"), ("滨江区管委会 采购科", "滨江区管委会"),
                                           ("请按政府采购流程办理", None)])
def test_a_government_under_its_division(line, company):
    assert company_in(line) == company


def test_a_street_number_after_a_hash():
    assert address_in("Carrera 7 # 71-21, Bogotá, Colombia") == "Carrera 7 # 71-21, Bogotá, Colombia"
