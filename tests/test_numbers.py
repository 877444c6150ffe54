"""Numbers on the page: every figure pattern the real content prints, the English side, and the check."""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.numbers import EnNumber, Quantity, compare, extract_en, extract_zh, zh_numeral_values

CONTENT = Path(__file__).resolve().parent.parent / "content/2020-05-25/p12"
QUALIFIERS = {"", "nearly", "about", "more than", "over", "at least"}


def only(text: str, printed: str) -> Quantity:
    """The one quantity of text whose printed form is printed."""
    hits = [q for q in extract_zh(text) if q.text == printed]
    assert len(hits) == 1, f"{printed!r} not found once in {[q.text for q in extract_zh(text)]}"
    return hits[0]


# (context from the page, printed figure, value, unit, qualifier, kind, numeral)
ARABIC = "arabic"
CHINESE = "chinese"
ZH_CASES = [
    ("共有建档立卡贫困人口16.4万人，截至", "16.4万人", 164000.0, "人", "", "quantity", ARABIC),
    ("累计上解市级帮扶资金13.84亿元，", "13.84亿元", 1384000000.0, "元", "", "quantity", ARABIC),
    ("投入区级财政资金2.86亿元，", "2.86亿元", 286000000.0, "元", "", "quantity", ARABIC),
    ("投入区级财政资金 2.86 亿元，年均增长", "2.86 亿元", 286000000.0, "元", "", "quantity", ARABIC),
    ("金 2.86 亿元", "2.86 亿元", 286000000.0, "元", "", "quantity", ARABIC),
    ("年均增长7327万元，", "7327万元", 73270000.0, "元", "", "quantity", ARABIC),
    ("对受援地区22.19万人脱贫", "22.19万人", 221900.0, "人", "", "quantity", ARABIC),
    ("2203名建档立卡劳动力", "2203名", 2203.0, "名", "", "quantity", ARABIC),
    ("4.2万名受援地区劳动力在京就业", "4.2万名", 42000.0, "名", "", "quantity", ARABIC),
    ("1.2万名建档立卡劳动力就近安置就业", "1.2万名", 12000.0, "名", "", "quantity", ARABIC),
    ("销售结对地区农产品8.2亿元，", "8.2亿元", 820000000.0, "元", "", "quantity", ARABIC),
    ("助力1.3万贫困人口脱贫增收", "1.3万", 13000.0, "", "", "quantity", ARABIC),
    ("目前仍有3.6万建档立卡贫困人口", "3.6万", 36000.0, "", "", "quantity", ARABIC),
    ("在原计划安排1.11亿元帮扶资金", "1.11亿元", 111000000.0, "元", "", "quantity", ARABIC),
    ("总规模达4000万元。", "4000万元", 40000000.0, "元", "", "quantity", ARABIC),
    ("建立2313万元防返贫保险基金", "2313万元", 23130000.0, "元", "", "quantity", ARABIC),
    ("拆除腾退违法建设3827万平方米。", "3827万平方米", 38270000.0, "平方米", "", "quantity", ARABIC),
    ("实现新增改造绿地2925公顷；", "2925公顷", 2925.0, "公顷", "", "quantity", ARABIC),
    ("清理整治出租大院和出租公寓1300家", "1300家", 1300.0, "家", "", "quantity", ARABIC),
    ("疏解物流中心121个，", "121个", 121.0, "个", "", "quantity", ARABIC),
    ("转型升级60余家特色文化产业园区", "60余家", 60.0, "家", "more than", "quantity", ARABIC),
    ("减免三项社保费用近80亿元，", "近80亿元", 8000000000.0, "元", "nearly", "quantity", ARABIC),
    ("累计减租将超过10亿元，", "超过10亿元", 1000000000.0, "元", "more than", "quantity", ARABIC),
    ("惠及中小微企业超3万余家。", "超3万余家", 30000.0, "家", "more than", "quantity", ARABIC),
    ("2月~4月为15万余家参保企业", "15万余家", 150000.0, "家", "more than", "quantity", ARABIC),
    ("为3万余家企业", "3万余家", 30000.0, "家", "more than", "quantity", ARABIC),
    ("占北京市减免费用总额的1/4；", "1/4", 0.25, "", "", "quantity", ARABIC),
    ("延期缴纳税款近3亿元；", "近3亿元", 300000000.0, "元", "nearly", "quantity", ARABIC),
    ("占道费预计约806万元。", "预计约806万元", 8060000.0, "元", "about", "quantity", ARABIC),
    ("引导金融机构上线117种融资贷款产品", "117种", 117.0, "种", "", "quantity", ARABIC),
    ("注册企业突破5000家，", "突破5000家", 5000.0, "家", "over", "quantity", ARABIC),
    ("成功放款520余笔，", "520余笔", 520.0, "笔", "more than", "quantity", ARABIC),
    ("贷款累计规模近31亿元。", "近31亿元", 3100000000.0, "元", "nearly", "quantity", ARABIC),
    ("贷款累计规模近 31 亿", "近 31 亿", 3100000000.0, "", "nearly", "quantity", ARABIC),
    ("前后推出两期共计1亿元的", "1亿元", 100000000.0, "元", "", "quantity", ARABIC),
    ("为全区5000余家重点用工企业", "5000余家", 5000.0, "家", "more than", "quantity", ARABIC),
    ("重点用工企业近30万人申请", "近30万人", 300000.0, "人", "nearly", "quantity", ARABIC),
    ("各类促进就业资金4.2亿元，", "4.2亿元", 420000000.0, "元", "", "quantity", ARABIC),
    ("发布岗位供求信息2万余个，", "2万余个", 20000.0, "个", "more than", "quantity", ARABIC),
    ("已累计为企业解答咨询8万余次。", "8万余次", 80000.0, "次", "more than", "quantity", ARABIC),
    ("快速为近20家防护物资生产企业", "近20家", 20.0, "家", "nearly", "quantity", ARABIC),
    ("为重点企业协调解决口罩需求200余万个，", "200余万个", 2000000.0, "个", "more than", "quantity", ARABIC),
    ("在全区主要商务楼宇配置450套红外测温设备", "450套", 450.0, "套", "", "quantity", ARABIC),
    ("共计投入帮扶资金7687万元，", "7687万元", 76870000.0, "元", "", "quantity", ARABIC),
    ("选派干部及专业技术人才262人，", "262人", 262.0, "人", "", "quantity", ARABIC),
    ("追加帮扶资金1385万元，同比增长65%。", "65%", 65.0, "%", "", "quantity", ARABIC),
    ("每个村继续追加安排帮扶资金6万元，", "6万元", 60000.0, "元", "", "quantity", ARABIC),
    ("共计498万元，", "498万元", 4980000.0, "元", "", "quantity", ARABIC),
    ("选派挂职干部14人已全部到位", "14人", 14.0, "人", "", "quantity", ARABIC),
    ("人才选派同比增长48.6%。", "48.6%", 48.6, "%", "", "quantity", ARABIC),
    ("同比增长430%。", "430%", 430.0, "%", "", "quantity", ARABIC),
    ("按不低于30%比例购置农副产品", "不低于30%", 30.0, "%", "at least", "quantity", ARABIC),
    ("开展服装裁剪、保健按摩师、汽车维修等20余个职业培训", "20余个", 20.0, "个", "more than", "quantity", ARABIC),
    ("追加安排区级帮扶资金100万元用于", "100万元", 1000000.0, "元", "", "quantity", ARABIC),
    ("首批支援的消毒液300桶、口罩1万个已到位", "300桶", 300.0, "桶", "", "quantity", ARABIC),
    ("首批支援的消毒液300桶、口罩1万个已到位", "1万个", 10000.0, "个", "", "quantity", ARABIC),
    ("支援的消毒液 300 桶、口罩 1 万个已到位", "1 万个", 10000.0, "个", "", "quantity", ARABIC),
    ("为全校424名学生购置了新校服", "424名", 424.0, "名", "", "quantity", ARABIC),
    ("还自筹资金396万，为该村援建", "396万", 3960000.0, "", "", "quantity", ARABIC),
    ("共帮助受援地区减少贫困人口10.4万，唐县", "10.4万", 104000.0, "", "", "quantity", ARABIC),
    ("新疆生产建设兵团第十四师47团等3个省区", "47团", 47.0, "团", "", "quantity", ARABIC),
    ("唐县、康保县、阳原县、卓资县、十四师47团等5个地区", "47团", 47.0, "团", "", "quantity", ARABIC),
    ("朝阳区制定3年工作计划", "3年", 3.0, "年", "", "quantity", ARABIC),
    ("朝阳区已连续3年在北京市对各区优化营商环境评价中位居首位", "3年", 3.0, "年", "", "quantity", ARABIC),
    ("北京市亦庄地盛西路6号中改传媒大厦", "6号", 6.0, "号", "", "quantity", ARABIC),
    ("邮政编码100176 值班电话", "100176", 100176.0, "", "", "quantity", ARABIC),
    ("热线：（010）56805008", "010", 10.0, "", "", "quantity", ARABIC),
    ("热线：（010）56805008", "56805008", 56805008.0, "", "", "quantity", ARABIC),
    ("广告经营许可证：京大工商广登字20180001号 零售价", "20180001号", 20180001.0, "号", "", "quantity", ARABIC),
    ("零售价2.00元 本报照排", "2.00元", 2.0, "元", "", "quantity", ARABIC),
    ("零售价2\U001001b000元", "2\U001001b000元", 2.0, "元", "", "quantity", ARABIC),  # the source's decimal glyph
    ("CHINA REFORM DAILY 12", "12", 12.0, "", "", "quantity", ARABIC),
    ("约３０％", "约３０％", 30.0, "%", "about", "quantity", ARABIC),  # full-width forms
    ("第5次", "第5次", 5.0, "次", "", "ordinal", ARABIC),
    # Dates: the value is the first number.
    ("截至2019年底，共帮助受援地区", "2019年底", 2019.0, "", "", "date", ARABIC),
    ("2019年8月墨玉县北京朝阳中学正式揭牌", "2019年8月", 2019.0, "", "", "date", ARABIC),
    ("2017年以来，累计上解", "2017年", 2017.0, "", "", "date", ARABIC),
    ("2020年，朝阳区将继续", "2020年", 2020.0, "", "", "date", ARABIC),
    ("在2月18日和4月30日先后出台了", "2月18日", 2.0, "", "", "date", ARABIC),
    ("在2月18日和4月30日先后出台了", "4月30日", 4.0, "", "", "date", ARABIC),
    ("今年5月11日，朝阳区半壁店村", "5月11日", 5.0, "", "", "date", ARABIC),
    ("视野 Vision 2020.05.25 星期一", "2020.05.25", 2020.0, "", "", "date", ARABIC),
    # Chinese numerals count only before a measure word.
    ("密集联系了近千家重点企业", "近千家", 1000.0, "家", "nearly", "quantity", CHINESE),
    ("赴墨玉县对接百余次，", "百余次", 100.0, "次", "more than", "quantity", CHINESE),
    ("深入开展“开墙打洞”等九项综合治理行动", "九项", 9.0, "项", "", "quantity", CHINESE),
    ("前后推出两期共计1亿元的", "两期", 2.0, "期", "", "quantity", CHINESE),
    ("为15万余家参保企业减免三项社保费用", "三项", 3.0, "项", "", "quantity", CHINESE),
    ("朝阳区半壁店村第五次来到结对的阔纳艾日克村", "第五次", 5.0, "次", "", "ordinal", CHINESE),
    ("二十多个", "二十多个", 20.0, "个", "more than", "quantity", CHINESE),
]


@pytest.mark.parametrize(
    ("context", "printed", "value", "unit", "qualifier", "kind", "numeral"), ZH_CASES, ids=[c[1] for c in ZH_CASES]
)
def test_zh_figure(
    context: str, printed: str, value: float, unit: str, qualifier: str, kind: str, numeral: str
) -> None:
    q = only(context, printed)
    assert q.text == context[q.start : q.end]
    assert q.value == pytest.approx(value, rel=1e-12)
    assert (q.unit, q.qualifier, q.kind, q.numeral) == (unit, qualifier, kind, numeral)


def test_exact_values_of_multiplied_decimals() -> None:
    # Decimal arithmetic: the appendix prints these, so no 819999999.9999999.
    values = [q.value for q in extract_zh("8.2亿元 1.11亿元 13.84亿元 16.4万人 0.7万")]
    assert values == [820000000.0, 111000000.0, 1384000000.0, 164000.0, 7000.0]


@pytest.mark.parametrize(
    ("text", "printed", "value", "end_value"),
    [
        ("朝阳区2月~4月区属国有企事业单位", "2月~4月", 2.0, 4.0),
        ("2月～4月为15万余家", "2月～4月", 2.0, 4.0),
        ("2月至4月", "2月至4月", 2.0, 4.0),
        ("2-4月", "2-4月", 2.0, 4.0),
        ("2019—2020年", "2019—2020年", 2019.0, 2020.0),
        ("2019年8月", "2019年8月", 2019.0, None),
    ],
)
def test_zh_periods(text: str, printed: str, value: float, end_value: float | None) -> None:
    q = only(text, printed)
    assert (q.kind, q.value, q.end_value) == ("date", value, end_value)


def test_span_of_spaced_figure_starts_at_its_digits() -> None:
    text = "投入区级财政资金 2.86 亿元，年均增长 7327 万元"
    assert [(q.start, q.text) for q in extract_zh(text)] == [
        (text.index("2.86"), "2.86 亿元"),
        (text.index("7327"), "7327 万元"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "党的十九大确定的三大攻坚战之一",
        "新疆生产建设兵团第十四师",
        "紧紧围绕加强首都“四个中心”功能建设、提高“四个服务”水平、抓好“三件大事”",
        "探索出孙河乡“六个一线”工作法、三里屯街道“四千四万”工作真经",
        "明确“五个当好”角色定位",
        "严格落实挂牌督战“八到位”要求",
        "“两个战役一起打”",
        "“京和家庭一家亲”等文化交流活动",
        "组织阿里、每日优鲜等一批电商企业",
        "密集组织了一系列专题调研",
        "建立一对一帮扶结对关系",
        "第一时间与当地对接",
        "统一部署",
        "关键一招",
        "区一级、二级预算单位",
        "千家万户",  # a bare 千/万 without a qualifier is an idiom
        "数十家企业",  # vague
        "三五家企业",  # "three or five"
        "星期一",
        "最近",
    ],
)
def test_zh_not_quantities(text: str) -> None:
    assert extract_zh(text) == []


def test_digits_in_email_are_skipped_everywhere() -> None:
    assert extract_zh("Email：ggjjlw2018@163.com") == []
    assert zh_numeral_values("Email：ggjjlw2018@163.com") == set()
    assert extract_en("Email: ggjjlw2018@163.com") == []
    assert extract_en("see www.example.com/2020 or A380") == []


def test_masthead_line() -> None:
    text = "本版编辑：王新宇 Email：ggjjlw2018@163.com 热线：（010）56805008"
    assert [(q.text, q.value, q.kind) for q in extract_zh(text)] == [
        ("010", 10.0, "quantity"),
        ("56805008", 56805008.0, "quantity"),
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("党的十九大", {19.0}),
        ("新疆生产建设兵团第十四师47团", {14.0, 47.0}),
        ("加强首都“四个中心”功能建设", {4.0}),
        ("“四千四万”工作真经", {4.0, 4000.0, 40000.0}),
        ("视野 Vision 2020.05.25 星期一", {2020.0, 5.0, 25.0, 1.0}),
        ("共有建档立卡贫困人口16.4万人", {16.4, 164000.0}),
        ("口罩需求200余万个", {200.0, 2000000.0}),
        ("二〇一九年", {2019.0}),
        ("第五次", {5.0}),
        ("占北京市减免费用总额的1/4", {0.25, 1.0, 4.0}),
    ],
)
def test_zh_numeral_values(text: str, values: set[float]) -> None:
    assert values <= zh_numeral_values(text)


# --- English ----------------------------------------------------------------------------------------

EN_CASES = [
    ("Together they had 164,000 registered poor people.", "164,000", 164000.0),
    ("a cumulative 1.384 billion yuan", "1.384 billion", 1384000000.0),
    ("an average annual increase of 73.27 million yuan", "73.27 million", 73270000.0),
    ("coordinating more than 2 million face masks", "2 million", 2000000.0),
    ("it has added or renovated 2,925 hectares", "2,925", 2925.0),
    ("no less than 30%, with", "30%", 30.0),
    ("accounting for 1/4 of the total", "1/4", 0.25),
    ("the 47th Regiment", "47th", 47.0),
    ("the Party's 19th National Congress", "19th", 19.0),
    ("of the 14th Division", "14th", 14.0),
    ("Retail price 2.00 yuan.", "2.00", 2.0),
    ("up 48.6% year on year", "48.6%", 48.6),
    ("a further 5bn", "5bn", 5000000000.0),
]


@pytest.mark.parametrize(("text", "printed", "value"), EN_CASES, ids=[c[1] for c in EN_CASES])
def test_en_number(text: str, printed: str, value: float) -> None:
    hits = [n for n in extract_en(text) if n.text == printed]
    assert len(hits) == 1
    assert hits[0].value == pytest.approx(value, rel=1e-12)
    assert hits[0].kind == "number"
    assert text[hits[0].start : hits[0].end] == printed


def test_en_phone_and_dotted_date() -> None:
    assert [n.value for n in extract_en("Hotline: (010) 56805008")] == [10.0, 56805008.0]
    assert [(n.text, n.value) for n in extract_en("Vision 2020.05.25 Monday")] == [
        ("2020", 2020.0),
        ("05", 5.0),
        ("25", 25.0),
    ]


def test_en_months_and_thousands_after_a_year() -> None:
    found = extract_en("On 18 February and 30 April. In 2019, 2,203 registered poor workers")
    assert [(n.value, n.kind) for n in found] == [
        (18.0, "number"),
        (2.0, "month"),
        (30.0, "number"),
        (4.0, "month"),
        (2019.0, "number"),
        (2203.0, "number"),
    ]


def test_en_number_words_are_not_read() -> None:
    assert extract_en("nine comprehensive campaigns, one-to-one, more than a hundred times, the fifth visit") == []


# --- compare ----------------------------------------------------------------------------------------


def test_wrong_translation_reports_both_sides() -> None:
    result = compare("共有建档立卡贫困人口16.4万人", "a total of 146,000 registered poor people")
    assert [q.text for q in result.missing] == ["16.4万人"]
    assert [n.text for n in result.unexpected] == ["146,000"]


def test_right_translation_passes() -> None:
    result = compare("共有建档立卡贫困人口16.4万人", "a total of 164,000 registered poor people")
    assert result.missing == () and result.unexpected == ()


@pytest.mark.parametrize(
    ("zh", "en", "missing", "unexpected"),
    [
        ("在2月18日和4月30日先后出台", "On 18 February and 30 April it issued", [], []),
        ("在2月18日和4月30日先后出台", "On 18 February and 30 March it issued", ["4月30日"], []),
        ("在2月18日和4月30日先后出台", "On 18 February and 31 April it issued", ["4月30日"], ["31"]),
        ("2月~4月为15万余家", "From February to April, more than 150,000", [], []),
        ("2月~4月为15万余家", "From February to May, more than 150,000", ["2月~4月"], []),
        ("2019年8月墨玉县北京朝阳中学正式揭牌", "In August 2019 the school unveiled its nameplate", [], []),
        ("2019年8月墨玉县北京朝阳中学正式揭牌", "In 2019 the school unveiled its nameplate", ["2019年8月"], []),
        ("视野 Vision 2020.05.25 星期一", "Vision 2020.05.25 Monday", [], []),
        ("深入开展九项综合治理行动", "carried out nine campaigns", [], []),  # Chinese numerals are never missing
        ("党的十九大精神", "the Party's 19th National Congress", [], []),
        ("第十四师47团", "the 47th Regiment of the 14th Division", [], []),
        ("实施项目83个，83个贫困村", "83 projects and villages", [], []),  # a set: one 83 serves both
        ("减免三项社保费用近80亿元", "by nearly 8 billion yuan", [], []),
        ("新增3家消费扶贫分中心", "3 new sub-centres and 4 others", [], ["4"]),
        (
            "本版编辑 Email：ggjjlw2018@163.com 热线：（010）56805008",
            "Email: ggjjlw2018@163.com (010) 56805008",
            [],
            [],
        ),
        ("零售价2.00元", "Retail price 2 yuan", [], []),
        ("占总额的1/4", "a quarter of the total", [], []),  # house style: a simple fraction in words
        ("占总额的1/4", "a third of the total", ["1/4"], ["a third"]),
        ("占总额的3/4", "three quarters of the total", [], []),
    ],
)
def test_compare(zh: str, en: str, missing: list[str], unexpected: list[str]) -> None:
    result = compare(zh, en)
    assert [q.text for q in result.missing] == missing
    assert [n.text for n in result.unexpected] == unexpected


def content_blocks(path: Path, joiner: str) -> list[str]:
    """The text blocks of a content file: after the front matter, split at blank lines, without the
    {.kind} marker lines and heading marks."""
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    blocks = []
    for para in re.split(r"\n[ \t]*\n", body.strip()):
        lines = [line for line in para.split("\n") if not re.fullmatch(r"\{\.[\w-]+\}", line.strip())]
        blocks.append(joiner.join(re.sub(r"^#{1,6}\s+", "", line) for line in lines))
    return blocks


def block_pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for zh_path in sorted(CONTENT.glob("*.zh.md")):
        zh_blocks = content_blocks(zh_path, "")
        en_blocks = content_blocks(zh_path.with_name(zh_path.name.replace(".zh.md", ".en.md")), " ")
        assert len(zh_blocks) == len(en_blocks), zh_path.name
        pairs += [(f"{zh_path.name[:-6]}#{n}", z, e) for n, (z, e) in enumerate(zip(zh_blocks, en_blocks, strict=True))]
    return pairs


BLOCK_PAIRS = block_pairs()


def test_the_content_has_blocks() -> None:
    assert len(BLOCK_PAIRS) > 50


@pytest.mark.parametrize(("zh", "en"), [p[1:] for p in BLOCK_PAIRS], ids=[p[0] for p in BLOCK_PAIRS])
def test_real_translations_render_every_figure(zh: str, en: str) -> None:
    result = compare(zh, en)
    assert [q.text for q in result.missing] == []
    assert [n.text for n in result.unexpected] == []


# --- properties -------------------------------------------------------------------------------------

FIGURE_ALPHABET = (
    "0123456789零〇一二两三四五六七八九十百千万亿元人家个次%~/.,-—至 \u3000近约余多超过第年月日号“”《》@a第１％"
)
figure_text = st.text(alphabet=FIGURE_ALPHABET, max_size=60)
any_text = st.text(max_size=200)


def assert_zh_spans(text: str, found: list[Quantity]) -> None:
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert math.isfinite(q.value)
        assert q.kind in {"quantity", "date", "ordinal"}
        assert q.numeral in {"arabic", "chinese"}
        assert q.qualifier in QUALIFIERS
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


def assert_en_spans(text: str, found: list[EnNumber]) -> None:
    for n in found:
        assert 0 <= n.start < n.end <= len(text)
        assert n.text == text[n.start : n.end]
        assert math.isfinite(n.value)
        assert n.kind in {"number", "month"}
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


@settings(max_examples=300)
@given(st.one_of(any_text, figure_text))
def test_zh_never_raises_and_spans_are_sound(text: str) -> None:
    assert_zh_spans(text, extract_zh(text))
    assert all(math.isfinite(v) for v in zh_numeral_values(text))


@settings(max_examples=300)
@given(st.one_of(any_text, figure_text))
def test_en_never_raises_and_spans_are_sound(text: str) -> None:
    assert_en_spans(text, extract_en(text))


@settings(max_examples=200)
@given(st.one_of(any_text, figure_text), st.one_of(any_text, figure_text))
def test_compare_never_raises(zh: str, en: str) -> None:
    result = compare(zh, en)
    assert all(q.numeral == "arabic" for q in result.missing)
    assert all(n.kind == "number" for n in result.unexpected)


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["", " ", "  ", "\u3000"]))
def test_typeset_spaces_do_not_split_a_figure(n: int, space: str) -> None:
    text = f"口罩{space}{n}{space}万{space}个已到位"
    assert [(q.value, q.unit) for q in extract_zh(text)] == [(n * 10000.0, "个")]


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["家", "万元", "亿元", "%", "人"]))
def test_a_faithful_figure_always_passes(n: int, unit: str) -> None:
    scale = {"万元": 10**4, "亿元": 10**8}.get(unit, 1)
    assert compare(f"共有{n}{unit}", f"{n * scale:,} in all") == compare("", "")
