"""The recognisers that tell what a piece of text is: a company, an address, a phone, a person."""
import re
import time

import pytest

from orders.model import CustomerInfo, OrderDraft
from parsers.entities import (address_in, chinese_name, company_in, companies_in, is_trailer, person_in, phones_in,
                              short_company)
from parsers.identity import fill_identity, signature_identity
from parsers.result import Envelope


@pytest.mark.parametrize("line, company", [
    ("深圳市华强电子有限公司 采购部", "深圳市华强电子有限公司"),
    ("贵州黔南磷化工有限责任公司", "贵州黔南磷化工有限责任公司"),
    ("信義精密工業股份有限公司 採購課", "信義精密工業股份有限公司"),
    ("恒通電子(香港)有限公司", "恒通電子(香港)有限公司"),
    ("関西精機株式会社", "関西精機株式会社"),
    ("株式会社山田製作所", "株式会社山田製作所"),
    ("Acme Widgets, Inc.", "Acme Widgets, Inc."),
    ("Rheintal Antriebe GmbH", "Rheintal Antriebe GmbH"),
    ("Northwind Trading Co.", "Northwind Trading Co."),
    ("Philips Lighting B.V.", "Philips Lighting B.V."),
    ("Lotus Packaging (Dongguan) Co., Ltd.", "Lotus Packaging (Dongguan) Co., Ltd."),
    ("Van der Meer Koeltechniek B.V.", "Van der Meer Koeltechniek B.V."),
])
def test_a_company_is_told_by_its_legal_form(line, company):
    assert company_in(line) == company


@pytest.mark.parametrize("line, company", [
    ("以下是贵州黔南磷化工有限责任公司的补货单：", "贵州黔南磷化工有限责任公司"),
    ("李经理您好！我是温州瓯江阀门有限公司采购部的林晓", "温州瓯江阀门有限公司"),
    ("我司河北鑫源泵业有限公司（客户编码CUST0184）订购以下产品", "河北鑫源泵业有限公司"),
    ("New order from Tianjin Binhai Robotics Co., Ltd. (customer code CUST0721):", "Tianjin Binhai Robotics Co., Ltd."),
])
def test_a_company_named_in_a_sentence_is_the_name_alone(line, company):
    assert company_in(line, strong=True) == company


@pytest.mark.parametrize("line", ["我们公司下个月需要", "贵公司的报价已收到", "本公司需订购", "请送到我们厂里",
                                  "Thanks for the quick reply, the PO is attached.", "PLEASE SHIP AS SOON AS POSSIBLE"])
def test_words_that_are_no_company(line):
    assert companies_in(line, strong=True) == []


@pytest.mark.parametrize("line, address", [
    ("要求6月10日前送达：安徽省芜湖市鸠江区万春东路28号 皖江机电仓库", "安徽省芜湖市鸠江区万春东路28号 皖江机电仓库"),
    ("6月20日前送厦门市集美区杏林湾路1001号 海天卫浴2号厂房", "厦门市集美区杏林湾路1001号 海天卫浴2号厂房"),
    ("5月10日前送到我们厂里（嘉兴市秀洲区洪兴路599号），收货人还是我", "嘉兴市秀洲区洪兴路599号"),
    ("请在12月底前到货，送贵州省黔南州福泉市马场坪工业园区。", "贵州省黔南州福泉市马场坪工业园区"),
    ("交貨：5月24日或之前送達香港新界葵涌葵昌路51號九龍貿易中心2座18樓1805室", "香港新界葵涌葵昌路51號九龍貿易中心2座18樓1805室"),
    ("交貨地點：新竹科學園區力行六路8號", "新竹科學園區力行六路8號"),
    ("请送到我们在苏州工业园区星湖街328号的仓库", "苏州工业园区星湖街328号的仓库"),
    ("納入場所：大阪府東大阪市高井田元町2-8-15 関西精機株式会社 第二工場", "大阪府東大阪市高井田元町2-8-15 関西精機株式会社 第二工場"),
    ("Delivery: by 26 July 2024 to Unit 7, Brindley Trade Park, Stoke-on-Trent ST4 2RW, United Kingdom.",
     "Unit 7, Brindley Trade Park, Stoke-on-Trent ST4 2RW, United Kingdom"),
    ("Please supply 250 pcs, delivery by 21 June to our plant at No. 18 Xingye Road, Chang'an Town, Dongguan, Guangdong.",
     "No. 18 Xingye Road, Chang'an Town, Dongguan, Guangdong"),
    ("Delivery to our plant: Industriestraße 14, 73760 Ostfildern, Germany", "Industriestraße 14, 73760 Ostfildern, Germany"),
    ("Ship to our warehouse at 2200 N Harbor Dr, Muskegon, MI 49441.", "2200 N Harbor Dr, Muskegon, MI 49441"),
    ("Deliver to: 1200 Market Street, Suite 400, San Francisco, CA 94103, USA",
     "1200 Market Street, Suite 400, San Francisco, CA 94103, USA"),
    ("12 Rue de la Paix, 75002 Paris, France", "12 Rue de la Paix, 75002 Paris, France"),
])
def test_an_address_is_told_by_divisions_or_street_and_postcode(line, address):
    assert address_in(line) == address


@pytest.mark.parametrize("line", ["交货日期：2024-10-12", "交货日期：2024年5月30日前", "A产品 规格L-500×300 数量50台 单价500元",
                                  "We need 20 units by 3 June 2024.", "合同号：苏州2024-001", "杭州钱塘轴承有限公司 设备科",
                                  "Delivery: 30 pcs at USD 12 to Rotterdam port"])
def test_text_that_is_no_address(line):
    assert address_in(line) is None


@pytest.mark.parametrize("line, number", [
    ("m. (231) 555-0187", "(231) 555-0187"),
    ("Tel. +49 711 3456-210", "+49 711 3456-210"),
    ("手机/微信：18666881234", "18666881234"),
    ("到了打我电话13306541234", "13306541234"),
    ("电话：0755-2345 6789 转 801", "0755-2345 6789 转 801"),
    ("Phone (212) 555-0100 ext. 23", "(212) 555-0100 ext. 23"),
])
def test_a_phone_keeps_its_written_form(line, number):
    assert phones_in(line)[0].number == number


def test_a_fax_is_no_phone_and_a_line_gives_its_phones_in_order():
    phones = phones_in("电话：0571-8765 4321 手机：13588889999 传真：0571-8765 4322")
    assert [p.number for p in phones] == ["0571-8765 4321", "13588889999"]
    assert all(p.labelled for p in phones)


@pytest.mark.parametrize("line, shaped", [("13605716688", True), ("0592-6281234", True), ("+852 2612 3456", True),
                                          ("4500012345", False), ("2024-05-30", False)])
def test_a_number_without_a_label_is_a_phone_only_by_its_shape(line, shaped):
    found = phones_in(line)
    assert bool(found and found[0].shaped) == shaped


@pytest.mark.parametrize("token, expected", [("孙喆", True), ("何晓东", True), ("钱工", True), ("欧阳明", True),
                                             ("还是我", False), ("控制板", False), ("规格表", False)])
def test_a_chinese_name_starts_with_a_surname(token, expected):
    assert chinese_name(token) is expected


@pytest.mark.parametrize("line, japanese, person", [
    ("购买部 王明", False, "王明"), ("購買部 山田 太郎", True, "山田 太郎"), ("采购　蒋丽", False, "蒋丽"),
    ("Marcus Bell", False, "Marcus Bell"), ("Sales Manager", False, None), ("Li Wei | Purchasing", False, "Li Wei"),
])
def test_a_person_on_a_signature_line(line, japanese, person):
    assert person_in(line, japanese=japanese) == person


@pytest.mark.parametrize("line, expected", [("发自我的iPhone", True), ("（发自企业微信）", True), ("Sent from my iPhone", True),
                                            ("发货时间请提前告知", False)])
def test_a_mail_clients_trailer(line, expected):
    assert is_trailer(line) is expected


def _filled(text, name="王明", sender="buyer@example.cn", **customer):
    draft = OrderDraft(customer=CustomerInfo(**customer))
    fill_identity(draft, text, Envelope(subject="订单", sender=sender, sender_name=name))
    return draft.customer


def test_a_signature_with_labelled_lines_and_several_fields_on_one_line():
    text = ("您好：\n订购A产品50台。\n交货期：9月30日前\n\n杭州钱塘轴承有限公司 设备科\n"
            "联系人：陈晓东 电话：0571-8765 4321 手机：13588889999 传真：0571-8765 4322\n地址：浙江省杭州市钱塘区12号大街99号\n")
    found = signature_identity(text)
    assert (found.name, found.contact, found.phone, found.address) == (
        "杭州钱塘轴承有限公司", "陈晓东", "0571-8765 4321", "浙江省杭州市钱塘区12号大街99号")


def test_a_one_line_signature_with_company_department_person_and_mobile():
    found = signature_identity("请安排。\n\n河南中原通风设备安装工程有限公司  工程部  王磊  13938512345\n")
    assert (found.name, found.contact, found.phone) == ("河南中原通风设备安装工程有限公司", "王磊", "13938512345")


def test_the_full_name_of_the_signature_beats_a_first_name_and_a_nickname():
    text = "Please ship 3 sets.\n\nThanks!\nMarcus\n\nMarcus Bell\nPurchasing Manager | Lakeshore Marine Supply, Inc.\nm. (231) 555-0187\n"
    found = signature_identity(text)
    assert (found.contact, found.phone) == ("Marcus Bell", "(231) 555-0187")
    customer = _filled("B产品再订6台，到了打我电话13306541234\n\n陈建华\n\n发自我的iPhone\n", name="老陈")
    assert (customer.contact, customer.phone) == ("陈建华", "13306541234")


def test_a_lone_name_that_is_not_the_senders_tells_no_signature():
    assert signature_identity("需要订购A产品二十台。\n\n王明", display="Li Hua") == CustomerInfo()


def test_a_delivery_address_in_a_sentence_beats_the_signatures():
    text = ("订购如下：\nA产品20台\n6月20日前送厦门市集美区杏林湾路1001号 海天卫浴2号厂房\n\n林曼\n厦门海天卫浴有限公司\n"
            "地址：厦门市思明区湖滨南路1号\n0592-6281234\n")
    customer = _filled(text)
    assert (customer.name, customer.contact, customer.address, customer.phone) == (
        "厦门海天卫浴有限公司", "林曼", "厦门市集美区杏林湾路1001号 海天卫浴2号厂房", "0592-6281234")


def test_the_company_a_greeting_addresses_is_not_the_customer():
    text = "示例机电设备有限公司：\n    我公司订购除湿机组三台。\n"
    assert _filled(text).name is None
    text = "恒拓機電株式会社\n営業部 李様\n\n下記の通り注文いたします。\n"
    assert _filled(text).name is None


def test_the_supplier_in_an_erp_document_is_not_the_customer():
    text = ("Vendor / 供应商:                     100238  杭州恒拓机电设备有限公司\n"
            "Purchasing Org / 采购组织:           1000  天津渤海重工装备有限公司\n")
    assert _filled(text).name == "天津渤海重工装备有限公司"


def test_a_consignee_in_a_sentence_is_the_contact_and_not_part_of_the_address():
    text = "送无锡市新吴区行创四路19号 博远项目部（收货人：钱工 13912345678），6月5日前到；\n\n徐凯\n苏州博远自动化工程有限公司\n"
    customer = _filled(text, address="无锡市新吴区行创四路19号 博远项目部（收货人：钱工 13912345678）")
    assert (customer.contact, customer.phone, customer.address, customer.name) == (
        "钱工", "13912345678", "无锡市新吴区行创四路19号 博远项目部", "苏州博远自动化工程有限公司")


def test_a_bare_code_in_the_customer_block_is_the_customers():
    text = "客户信息\n单位：成都蜀川环保设备有限公司\n编码：CUST0615\n联系人：何静\n"
    assert _filled(text).code == "CUST0615"
    assert _filled("订货明细\n编码：P002\n品名：B产品\n数量：6台\n").code is None


def test_the_contacts_phone_written_first_is_the_phone():
    text = "聯絡人：林俊宏 0912-345-678\n\n林俊宏\nTEL：04-2359-8866 分機 215\n"
    customer = _filled(text, contact="林俊宏 0912-345-678", phone="04-2359-8866 分機 215")
    assert (customer.contact, customer.phone) == ("林俊宏", "0912-345-678")


@pytest.mark.parametrize("line", ["a" * 100_000, "有限公司" * 25_000, "1-" * 50_000, "路1号" * 30_000, "Road 1, " * 10_000])
def test_long_lines_are_read_in_linear_time(line):
    start = time.perf_counter()
    address_in(line), phones_in(line), companies_in(line), person_in(line)
    _filled(line + "\n\n" + line[:5_000])
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize("text, code", [
    ("我司苏州新锐精密有限公司（贵司系统里的客户编码应该是CUST0088）追加订单：", "CUST0088"),
    ("Our customer number with you should be NX-7731, I think.", "NX-7731"),
    ("客户编号还是K2045，其他照旧。", "K2045"),
])
def test_a_customer_code_said_with_a_hedge_is_read(text, code):
    assert _filled(text).code == code


def test_the_code_in_a_colleagues_note_above_a_forwarded_order_is_the_customers():
    text = ("请录入，客户编码 C-7710，老客户。\n\n李伟\n\n---------- Forwarded message ---------\n"
            "From: 周强 <zhouqiang@buyer.example>\nDate: 2025-03-01\nSubject: 订单\nTo: 李伟 <li.rep@example.com>\n\n"
            "订购A产品20台。\n\n杭州周氏机械有限公司\n周强\n")
    draft = OrderDraft()
    fill_identity(draft, text, Envelope(subject="Fwd: 订单", sender="li.rep@example.com", sender_name="李伟"))
    assert (draft.customer.code, draft.customer.email) == ("C-7710", "zhouqiang@buyer.example")


@pytest.mark.parametrize("written, address", [
    ("2) 30台送合肥市蜀山区长江西路88号二号库，收货人 刘洋 13955556666", "合肥市蜀山区长江西路88号二号库"),
    ("青岛市城阳区春阳路17号 东区仓库，联系人王芳 0532-8765 4321", "青岛市城阳区春阳路17号 东区仓库"),
    ("Dallas DC: 2400 N Stemmons Fwy Ste 100, Dallas, TX 75207", "2400 N Stemmons Fwy Ste 100, Dallas, TX 75207"),
    ("〒530-0001 大阪府大阪市北区梅田1-2-3 本社", "〒530-0001 大阪府大阪市北区梅田1-2-3 本社"),
    ("Kanaalweg 5, 2903 LS Capelle aan den IJssel, the Netherlands",
     "Kanaalweg 5, 2903 LS Capelle aan den IJssel, the Netherlands"),
])
def test_a_labelled_address_is_the_address_alone(written, address):
    assert _filled("订购A产品10台。", address=written).address == address


@pytest.mark.parametrize("line, address", [
    ("收货还是老地方，地址还是宁波市北仑区新碶街道明州路77号。", "宁波市北仑区新碶街道明州路77号"),
    ("地址为广州市黄埔区科学大道18号", "广州市黄埔区科学大道18号"),
    ("这是杭州市西湖区文三路1号的仓库", "杭州市西湖区文三路1号的仓库"),
])
def test_an_address_after_is_or_still_is_starts_at_its_city(line, address):
    assert address_in(line) == address


def test_every_number_leaves_the_contact():
    customer = _filled("订购A产品10台。", contact="郑洁 021-6123 4567 / 13611112222")
    assert (customer.contact, customer.phone) == ("郑洁", "021-6123 4567")


@pytest.mark.parametrize("line, person", [
    ("Pieter de Vries", "Pieter de Vries"),
    ("Ana María de la Torre", "Ana María de la Torre"),
    ("Karl von Stein", "Karl von Stein"),
    ("購買課 田中 誠", "田中 誠"),
])
def test_a_full_name_with_its_particles_or_a_one_character_given_name(line, person):
    assert person_in(line, japanese=bool(re.search("[\u3040-\u30ff]", line)) or "田中" in line) == person


@pytest.mark.parametrize("title", ["Inkoper", "Einkäufer", "Comprador", "Departamento de Compras", "Responsable Achats",
                                   "Ufficio Acquisti"])
def test_a_job_title_in_another_language_is_not_a_person(title):
    assert person_in(title) is None


def test_the_senders_name_in_the_signature_is_the_contact_not_his_title():
    text = "Please deliver 20 units.\n\nMet vriendelijke groet,\n\nJan van Dijk\nHoofd Inkoop\nDijk Metaal B.V.\nT +31 10 555 1234\n"
    assert signature_identity(text, "Jan van Dijk").contact == "Jan van Dijk"


@pytest.mark.parametrize("line, company", [
    ("For Bharat Castings Pvt. Ltd.", "Bharat Castings Pvt. Ltd."),
    ("for and on behalf of", None),
])
def test_a_company_signed_for_is_the_company(line, company):
    assert company_in(line) == company


@pytest.mark.parametrize("line, company", [
    ("恒远阀门", "恒远阀门"), ("华新電子 採購部", "华新電子"), ("金鹏五金", "金鹏五金"),
    ("张磊", None), ("采购部", None), ("深圳市华强电子有限公司", None), ("谢谢", None), ("控制设备", None), ("精密机械", None),
])
def test_a_short_company_name_is_a_trade_name_and_its_trade(line, company):
    assert short_company(line) == company


def test_a_signature_with_a_short_company_name_gives_the_name_and_the_contact():
    text = "李经理，\n\nP003 × 20\n\n5月底前到货。\n\n刘洋\n金鹏五金\n\n从 Windows 版邮件发送\n"
    customer = _filled(text, name="Liu Yang")
    assert (customer.name, customer.contact) == ("金鹏五金", "刘洋")


@pytest.mark.parametrize("line, trailer", [
    ("从 Windows 版邮件发送", True), ("從我的 iPad 發送", True), ("通过网易邮箱大师发送", True), ("从明天开始发送", False),
])
def test_a_mail_programs_sent_from_line_is_a_trailer(line, trailer):
    assert is_trailer(line) is trailer


@pytest.mark.parametrize("line, address", [
    ("Dirección de entrega: Polígono Industrial Las Salinas, Nave 12, 11500 El Puerto de Santa María, Cádiz",
     "Polígono Industrial Las Salinas, Nave 12, 11500 El Puerto de Santa María, Cádiz"),
    ("Adresse de livraison : Zone Artisanale Les Pins, Bâtiment C, 69800 Saint-Priest, France",
     "Zone Artisanale Les Pins, Bâtiment C, 69800 Saint-Priest, France"),
    ("Address: see above, thanks, 2024", None),
])
def test_a_labelled_address_of_places_with_a_postcode(line, address):
    assert address_in(line) == address


def test_a_colleagues_note_with_a_pasted_chat_is_the_customers_order_not_the_colleagues():
    text = ("订单系统：\n\n客户金鹏五金电话里下的单，微信记录如下，请录入。\n客户邮箱：buy@jinpeng.example\n\n"
            "王伟 2025-03-02 10:01\n刘总，这次给您480。\n\n刘总 2025-03-02 10:05\n好，送到宁波市北仑区明州路77号。\n\n王伟\n")
    customer = _filled(text, name="王伟", sender="wang.rep@example.com")
    assert (customer.contact, customer.email, customer.address) == ("刘总", "buy@jinpeng.example", "宁波市北仑区明州路77号")


def test_a_customer_asking_to_book_an_order_is_not_a_colleague():
    text = "Please book the order below. Our customer code with you is C-77.\n\n10 pcs P001\n\nThanks,\nAmy Lowe\n+1 319-555-0100\n"
    customer = _filled(text, name="Amy Lowe", sender="amy@buyer.example")
    assert (customer.contact, customer.email) == ("Amy Lowe", "amy@buyer.example")


@pytest.mark.parametrize("line, company", [
    ("Kowalski Sp. z o.o.", "Kowalski Sp. z o.o."),
    ("Kovo Hradec s.r.o.", "Kovo Hradec s.r.o."),
    ("Yılmaz Makina San. ve Tic. A.Ş.", "Yılmaz Makina San. ve Tic. A.Ş."),
    ("Wir bestellen bei Müller Maschinenbau GmbH folgende Teile", "Müller Maschinenbau GmbH"),
    ("M/s. Sri Balaji Engineering Works", "Sri Balaji Engineering Works"),
    ("M/S Kaveri Agro Industries Ltd.", "Kaveri Agro Industries Ltd."),
])
def test_legal_forms_in_more_languages_and_a_firm_after_messrs(line, company):
    assert company_in(line) == company


@pytest.mark.parametrize("line, address", [
    ("Lot 5, Jalan Perusahaan 2, 81700 Pasir Gudang, Johor, Malaysia",
     "Lot 5, Jalan Perusahaan 2, 81700 Pasir Gudang, Johor, Malaysia"),
    ("ul. Przemysłowa 5, 60-001 Poznań, Poland", "ul. Przemysłowa 5, 60-001 Poznań, Poland"),
    ("C/ Alcalá 45, 28014 Madrid", "C/ Alcalá 45, 28014 Madrid"),
    ("123 Teheran-ro, Gangnam-gu, Seoul 06234, Korea", "123 Teheran-ro, Gangnam-gu, Seoul 06234, Korea"),
    ("#03-10, 8 Kaki Bukit Road 2, Singapore 417841", "#03-10, 8 Kaki Bukit Road 2, Singapore 417841"),
    ("2400 N Stemmons Fwy, Dallas, TX 75207", "2400 N Stemmons Fwy, Dallas, TX 75207"),
    ("〒530-0001 大阪府大阪市北区梅田1-2-3 本社ビル", "〒530-0001 大阪府大阪市北区梅田1-2-3 本社ビル"),
    ("神奈川県横浜市西区みなとみらい2-2-1", "神奈川県横浜市西区みなとみらい2-2-1"),
    ("3月底前送到成都市武侯区武科西五路360号", "成都市武侯区武科西五路360号"),
])
def test_addresses_in_more_countries(line, address):
    assert address_in(line) == address


@pytest.mark.parametrize("text", ["我们是贵司的老客户，请录入新的收货地址：宁波市北仑区明州路77号。\n订购A产品10台。\n\n陈刚\n宁波明州机械有限公司\n",
                                  "请录入系统。我们的客户编码是C-1088，订购A产品10台。\n\n陈刚\n宁波明州机械有限公司\n"])
def test_a_customer_asking_to_record_its_order_is_not_a_colleague(text):
    customer = _filled(text, name="陈刚", sender="chengang@mingzhou.example")
    assert (customer.contact, customer.email, customer.name) == ("陈刚", "chengang@mingzhou.example", "宁波明州机械有限公司")


@pytest.mark.parametrize("line, address", [
    ("收货地址：青岛市城阳区春阳路17号 东区仓库 联系人王芳 0532-8765 4321", "青岛市城阳区春阳路17号 东区仓库"),
    ("送货地址：合肥市蜀山区长江西路88号 刘工 13955556666", "合肥市蜀山区长江西路88号"),
    ("地址：广州市黄埔区科学大道18号 电话：020-1234 5678", "广州市黄埔区科学大道18号"),
    ("Ship to: 2200 N Harbor Dr, Muskegon, MI 49441 Tel: 231-555-0187", "2200 N Harbor Dr, Muskegon, MI 49441"),
])
def test_the_consignee_and_number_after_an_address_on_its_line_are_not_part_of_it(line, address):
    assert address_in(line) == address


@pytest.mark.parametrize("line", ["李经理，A产品照旧来30台，下周三前送到我们东莞厂。", "货请直接发到我司南通厂"])
def test_our_own_works_named_in_a_sentence_is_no_company(line):
    assert company_in(line, strong=True) is None
