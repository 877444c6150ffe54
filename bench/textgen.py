"""Unique, aligned Chinese/English text for the bench corpus.

Every paragraph is put together from sentence frames whose slots are filled in both
languages at once: entities (the real glossaries' places, organisations and terms, and
synthetic people, villages and companies made here), fields of work and figures. So the
English gives every figure of the Chinese (16.4万人 -> 164,000 people) and names every
entity the Chinese names, as the build's checks require; and since the figures and names
are drawn at random, no two paragraphs are the same (``Writer`` also refuses repeats), so
no cache of the build can hit on a repeated piece of text.

The density follows the real page (content/0[1-4]-*.md): a paragraph of about 130
characters names about six entities and prints about three figures.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Entity:
    id: str
    type: str  # person | place | organisation | term | ...
    zh: str
    en: str
    pinyin: str = ""
    note: str = ""
    synthetic: bool = True


@dataclass(frozen=True)
class Figure:
    """A figure as printed in the Chinese; ``label`` and ``theme`` go to the front matter."""

    zh: str
    en: str
    value: float
    label: str
    theme: str


@dataclass
class Piece:
    """A sentence or paragraph in both languages, with what it names and prints."""

    zh: str = ""
    en: str = ""
    entities: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    sums: list[tuple[Figure, Figure, Figure]] = field(default_factory=list)  # a + b == c, printed


# ---------------------------------------------------------------- synthetic names

SURNAMES = (
    ("王", "Wáng"), ("李", "Lǐ"), ("张", "Zhāng"), ("刘", "Liú"), ("陈", "Chén"), ("杨", "Yáng"), ("赵", "Zhào"),
    ("黄", "Huáng"), ("周", "Zhōu"), ("吴", "Wú"), ("徐", "Xú"), ("孙", "Sūn"), ("胡", "Hú"), ("朱", "Zhū"),
    ("高", "Gāo"), ("林", "Lín"), ("何", "Hé"), ("郭", "Guō"), ("马", "Mǎ"), ("罗", "Luó"), ("梁", "Liáng"),
    ("宋", "Sòng"), ("郑", "Zhèng"), ("谢", "Xiè"), ("韩", "Hán"), ("唐", "Táng"), ("冯", "Féng"), ("于", "Yú"),
)  # fmt: skip
GIVEN = (
    ("晓", "xiǎo"), ("丽", "lì"), ("军", "jūn"), ("芳", "fāng"), ("磊", "lěi"), ("婷", "tíng"), ("涛", "tāo"),
    ("静", "jìng"), ("鹏", "péng"), ("霞", "xiá"), ("浩", "hào"), ("宁", "níng"), ("峰", "fēng"), ("玲", "líng"),
    ("斌", "bīn"), ("萍", "píng"), ("彬", "bīn"), ("琳", "lín"), ("辉", "huī"), ("敏", "mǐn"), ("凯", "kǎi"),
    ("雯", "wén"), ("翔", "xiáng"), ("倩", "qiàn"), ("博", "bó"), ("颖", "yǐng"), ("帆", "fān"), ("瑶", "yáo"),
    ("航", "háng"), ("蕾", "lěi"), ("毅", "yì"), ("璐", "lù"), ("睿", "ruì"), ("岚", "lán"), ("楠", "nán"),
)  # fmt: skip
# Two-syllable place names: the first character from here, the second from PLACE_B.
PLACE_A = (
    ("青", "qīng"), ("柳", "liǔ"), ("石", "shí"), ("桃", "táo"), ("枣", "zǎo"), ("杏", "xìng"), ("松", "sōng"),
    ("榆", "yú"), ("槐", "huái"), ("竹", "zhú"), ("兰", "lán"), ("梅", "méi"), ("荷", "hé"), ("麦", "mài"),
    ("泉", "quán"), ("溪", "xī"), ("岭", "lǐng"), ("坡", "pō"), ("湾", "wān"), ("塘", "táng"), ("沟", "gōu"),
)  # fmt: skip
PLACE_B = (
    ("园", "yuán"), ("庄", "zhuāng"), ("屯", "tún"), ("店", "diàn"), ("营", "yíng"), ("坊", "fāng"),
    ("堡", "bǎo"), ("寨", "zhài"), ("桥", "qiáo"), ("岗", "gǎng"), ("峪", "yù"), ("洼", "wā"), ("窑", "yáo"),
)  # fmt: skip
PLACE_KINDS = (  # suffix zh, suffix en, type
    ("村", "Village", "place"), ("社区", "Community", "place"), ("乡", "Township", "place"),
    ("科技有限公司", "Technology Co., Ltd.", "organisation"), ("农业合作社", "Agricultural Cooperative", "organisation"),
)  # fmt: skip

_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuüüüü")


def plain(pinyin: str) -> str:
    return pinyin.translate(_TONES).replace("ü", "u")


def synthetic_entities(count: int, rng: random.Random, taken: set[str]) -> list[Entity]:
    """``count`` made-up people, villages, communities and companies, none of whose Chinese
    forms contains or is contained in another entity's (the build matches by substring)."""
    made: list[Entity] = []
    seen = set(taken)
    attempts = 0
    while len(made) < count:
        attempts += 1
        if attempts > 50 * count + 1000:
            raise RuntimeError(f"could not make {count} distinct synthetic names")
        if rng.random() < 0.4:
            (s, sp), (a, ap), (b, bp) = rng.choice(SURNAMES), rng.choice(GIVEN), rng.choice(GIVEN)
            if a == b:
                continue
            zh, pinyin = s + a + b, f"{sp} {ap}{bp}"
            en = f"{plain(sp).title()} {plain(ap + bp).title()}"
            kind, what = "person", "a local official or resident"
        else:
            (a, ap), (b, bp) = rng.choice(PLACE_A), rng.choice(PLACE_B)
            suffix_zh, suffix_en, kind = rng.choice(PLACE_KINDS)
            zh, pinyin = a + b + suffix_zh, f"{ap}{bp}"
            en = f"{plain(ap + bp).title()} {suffix_en}"
            what = "a village, community or enterprise"
        if zh in seen or any(zh in other or other in zh for other in seen):
            continue
        seen.add(zh)
        ident = f"syn-{plain(pinyin).replace(' ', '-').lower()}-{len(made) + 1}"
        note = (
            f"{en} ({zh}) is invented for the benchmark corpus: {what} that no real page names. "
            f"Synthetic entity {len(made) + 1}."
        )
        made.append(Entity(ident, kind, zh, en, pinyin, note))
    return made


# ---------------------------------------------------------------- figures

# (zh noun, en noun (plural), zh measure word, theme)
COUNTED = (
    ("项目", "projects", "个", "projects"), ("企业", "enterprises", "家", "enterprises"),
    ("贫困村", "poor villages", "个", "villages"), ("合作社", "cooperatives", "家", "organisations"),
    ("服务站", "service stations", "个", "projects"), ("学校", "schools", "所", "projects"),
    ("卫生室", "village clinics", "个", "projects"), ("岗位", "jobs", "个", "jobs"),
    ("培训班", "training courses", "期", "training"), ("志愿者", "volunteers", "名", "people"),
    ("专业技术人员", "professionals", "名", "people"), ("挂职干部", "cadres on temporary posts", "名", "people"),
    ("农户", "farming households", "户", "villages"), ("商户", "shops", "家", "enterprises"),
    ("温室大棚", "greenhouses", "座", "projects"), ("车辆", "vehicles", "辆", "other"),
)  # fmt: skip
FIELDS = (
    ("教育", "education"), ("医疗", "medical care"), ("养老", "elderly care"), ("农业", "agriculture"),
    ("物流", "logistics"), ("旅游", "tourism"), ("水利", "water conservancy"), ("交通", "transport"),
    ("环境", "the environment"), ("住房", "housing"), ("文化", "culture"), ("体育", "sport"),
    ("电商", "e-commerce"), ("供暖", "heating"), ("供水", "water supply"), ("安全生产", "work safety"),
    ("垃圾分类", "waste sorting"), ("家政服务", "domestic services"), ("职业技能", "vocational skills"),
    ("林果种植", "fruit growing"), ("畜牧养殖", "animal husbandry"), ("老旧小区", "old residential compounds"),
)  # fmt: skip


# The wording of sentences that name nothing (s_filler): subject, manner, verb, object, purpose.
WHO = (
    ("各街乡", "The subdistricts and townships"), ("相关部门", "The departments concerned"),
    ("帮扶工作组", "The assistance working group"), ("驻村工作队", "The village-based work team"),
    ("区有关单位", "The district's units concerned"), ("各结对单位", "Each paired unit"),
)  # fmt: skip
HOW = (
    ("进一步", "further"), ("持续", "continue to"), ("全面", "comprehensively"), ("加快", "speedily"),
    ("扎实", "solidly"), ("稳步", "steadily"), ("统筹", "jointly"),
)  # fmt: skip
DO = (
    ("完善", "improve"), ("优化", "optimise"), ("健全", "strengthen"), ("规范", "standardise"),
    ("推进", "advance"), ("落实", "carry out"), ("提升", "upgrade"),
)  # fmt: skip
WHAT = (
    ("工作机制", "working mechanisms"), ("服务体系", "service system"), ("管理制度", "management rules"),
    ("协调机制", "coordination arrangements"), ("考核办法", "assessment methods"),
    ("保障措施", "support measures"), ("督导检查", "supervision and inspection"),
)  # fmt: skip
WHY = (
    ("确保各项任务按期完成", "to make sure that every task is finished on time"),
    ("让群众得到更多实惠", "so that people gain more real benefits"),
    ("形成长效机制", "so as to build a lasting mechanism"),
    ("防止工作出现反复", "to keep the work from slipping back"),
    ("做到底数清、情况明", "so that the facts and the situation are clear"),
    ("为下一步工作打好基础", "laying the ground for the next stage of work"),
)  # fmt: skip


def _commas(n: int) -> str:
    return f"{n:,}"


def money(rng: random.Random, what: str) -> Figure:
    if rng.random() < 0.2:  # 亿元: one or two decimals
        tenths = rng.randint(11, 999)
        zh = f"{tenths / 10:g}亿元"
        return Figure(zh, f"{_commas(tenths * 10)} million yuan", tenths * 1e7, f"{what} (yuan)", "funding")
    wan = rng.randint(12, 9999)
    if wan < 100:
        en = f"{_commas(wan * 10000)} yuan"
    elif wan % 100 == 0:
        en = f"{wan // 100} million yuan"
    else:
        en = f"{wan / 100:g} million yuan"
    return Figure(f"{wan}万元", en, wan * 1e4, f"{what} (yuan)", "funding")


def counted(rng: random.Random, where: str, low: int = 3, high: int = 980) -> Figure:
    noun_zh, noun_en, measure, theme = rng.choice(COUNTED)
    n = rng.randint(low, high)
    return Figure(f"{n}{measure}{noun_zh}", f"{_commas(n)} {noun_en}", float(n), f"{noun_en} {where}", theme)


def people(rng: random.Random, what: str, n: int | None = None) -> Figure:
    n = rng.randint(12, 19999) if n is None else n
    return Figure(f"{n}人", f"{_commas(n)} people", float(n), what, "people")


def percent(rng: random.Random, what: str) -> Figure:
    value = rng.choice((rng.randint(2, 98), rng.randint(11, 999) / 10))
    text = f"{value:g}%"
    return Figure(text, text, float(value), what, "other")


def area(rng: random.Random, what: str) -> Figure:
    n = rng.randint(120, 98000)
    return Figure(f"{n}平方米", f"{_commas(n)} square metres", float(n), f"{what} (square metres)", "area")


def day(rng: random.Random) -> tuple[str, str]:
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    return f"{m}月{d}日", f"{d} {MONTHS[m - 1]}"


# ---------------------------------------------------------------- sentences

Frame = Callable[["Writer", Piece], None]


class Writer:
    """Makes paragraphs, subheads and headlines; never the same Chinese text twice."""

    def __init__(
        self, rng: random.Random, places: Sequence[Entity], people_: Sequence[Entity], terms: Sequence[Entity]
    ):
        self.rng = rng
        self.places = list(places)
        self.people = list(people_)
        self.terms = list(terms)
        self.unused = [e for e in (*places, *people_) if e.synthetic]  # each synthetic entity is named once at least
        rng.shuffle(self.unused)
        self.seen: set[str] = set()
        self.made: list[Piece] = []  # every piece, for the glossaries: what the text names

    # -- slots
    def entity(self, piece: Piece, pool: Sequence[Entity]) -> Entity:
        fresh = [e for e in self.unused[-3:] if e in pool]
        chosen = fresh[0] if fresh and self.rng.random() < 0.7 else self.rng.choice(pool)
        if chosen in self.unused:
            self.unused.remove(chosen)
        piece.entities.append(chosen.id)
        return chosen

    def place(self, piece: Piece) -> Entity:
        return self.entity(piece, self.places)

    def person(self, piece: Piece) -> Entity:
        return self.entity(piece, self.people)

    def term(self, piece: Piece) -> Entity:
        return self.entity(piece, self.terms)

    def field(self) -> tuple[str, str]:
        return self.rng.choice(FIELDS)

    # -- frames: each adds one sentence in both languages
    def s_funds(self, p: Piece) -> None:
        a, (fz, fe) = self.place(p), self.field()
        f = money(self.rng, f"funds {a.en} put into {fe}")
        p.figures.append(f)
        p.zh += f"{a.zh}在{fz}领域累计投入资金{f.zh}，"
        p.en += f"{a.en} has put {f.en} in total into {fe}"
        g = counted(self.rng, f"in {fe} supported by {a.en}")
        p.figures.append(g)
        p.zh += f"支持建设{g.zh}。"
        p.en += f", supporting {g.en}. "

    def s_meeting(self, p: Piece) -> None:
        (dz, de), r, a, t = day(self.rng), self.person(p), self.place(p), self.term(p)
        p.zh += f"{dz}，{r.zh}带队赴{a.zh}调研，围绕{t.zh}听取意见建议。"
        p.en += f"On {de}, {r.en} led a delegation to {a.en} and heard views and suggestions on {t.en}. "

    def s_sum(self, p: Piece) -> None:
        a, (fz, fe) = self.place(p), self.field()
        x, y = self.rng.randint(100, 4999), self.rng.randint(100, 4999)
        fx = people(self.rng, f"people originally planned for {fe} training in {a.en}", x)
        fy = people(self.rng, f"people added to the {fe} training plan in {a.en}", y)
        fz_ = people(self.rng, f"people trained in {fe} in {a.en} in total", x + y)
        p.figures += [fx, fy, fz_]
        p.sums.append((fx, fy, fz_))
        p.zh += f"{a.zh}在原计划培训{fx.zh}的基础上，再增加{fy.zh}，共为{fz_.zh}开展{fz}技能培训。"
        p.en += (
            f"On top of the {fx.en} originally planned, {a.en} added a further {fy.en}, "
            f"giving training in {fe} to {fz_.en} in all. "
        )

    def s_growth(self, p: Piece) -> None:
        a, (fz, fe) = self.place(p), self.field()
        g = percent(self.rng, f"year-on-year growth of {fe} in {a.en}")
        p.figures.append(g)
        p.zh += f"{a.zh}{fz}服务能力持续提升，相关指标同比增长{g.zh}。"
        p.en += (
            f"The capacity of {fe} services in {a.en} kept rising, with the related indicators up {g.en} year on year. "
        )

    def s_area(self, p: Piece) -> None:
        a, b, (fz, fe) = self.place(p), self.place(p), self.field()
        f = area(self.rng, f"floor area for {fe} built by {a.en} in {b.en}")
        p.figures.append(f)
        p.zh += f"{a.zh}协助{b.zh}新建{fz}用房{f.zh}，已于年内投入使用。"
        p.en += f"{a.en} helped {b.en} build {f.en} of premises for {fe}, which came into use within the year. "

    def s_people(self, p: Piece) -> None:
        r, a, t = self.person(p), self.place(p), self.term(p)
        f = people(self.rng, f"residents served in {a.en} under {t.en}")
        p.figures.append(f)
        p.zh += f"{r.zh}介绍，{a.zh}把{t.zh}作为重点，已服务群众{f.zh}。"
        p.en += f"According to {r.en}, {a.en} has made {t.en} a priority and has so far served {f.en}. "

    def s_pairing(self, p: Piece) -> None:
        a, b, c = self.place(p), self.place(p), self.term(p)
        f = counted(self.rng, f"paired between {a.en} and {b.en}", 2, 90)
        p.figures.append(f)
        p.zh += f"{a.zh}与{b.zh}结对，以{c.zh}为抓手，共同推动{f.zh}落地见效。"
        p.en += f"{a.en} is paired with {b.en}; with {c.en} as the lever, the two are bringing {f.en} to fruition. "

    def s_plain(self, p: Piece) -> None:
        a, t, (fz, fe) = self.place(p), self.term(p), self.field()
        p.zh += f"{a.zh}坚持把{t.zh}与{fz}工作结合起来，逐项明确责任分工和时间节点。"
        p.en += (
            f"{a.en} keeps {t.en} tied to its work on {fe}, setting out responsibilities and deadlines item by item. "
        )

    def s_filler(self, p: Piece) -> None:
        """A sentence naming nothing and printing no figure: the real page's density of names and
        figures (about 4.4 and 2.2 per 100 characters) needs such sentences between the others."""
        rng = self.rng
        (sz, se), (az, ae), (vz, ve), (fz, fe) = (rng.choice(x) for x in (WHO, HOW, DO, FIELDS))
        oz, oe = rng.choice(WHAT)
        gz, ge = rng.choice(WHY)
        p.zh += f"{sz}将{az}{vz}{fz}{oz}，{gz}。"
        p.en += f"{se} will {ae} {ve} the {oe} of {fe} {ge}. "

    FRAMES: tuple[Frame, ...] = (s_funds, s_meeting, s_sum, s_growth, s_area, s_people, s_pairing, s_plain)
    WEIGHTS = (3, 2, 1, 2, 2, 2, 2, 2)

    def _unique(self, make: Callable[[], Piece]) -> Piece:
        for _ in range(100):
            piece = make()
            if piece.zh not in self.seen:
                self.seen.add(piece.zh)
                self.made.append(piece)
                return piece
        raise RuntimeError("could not make a new piece of text in 100 tries")

    def paragraph(self, sentences: int) -> Piece:
        def make() -> Piece:
            piece = Piece()
            frames: list[Frame] = self.rng.choices(self.FRAMES, self.WEIGHTS, k=sentences)
            fillers: list[Frame] = [Writer.s_filler] * self.rng.randint(1, 2)
            for frame in self.rng.sample(frames + fillers, len(frames) + len(fillers)):
                frame(self, piece)
            piece.en = piece.en.strip()
            return piece

        return self._unique(make)

    def heading(self, kind: str) -> Piece:
        def make() -> Piece:
            piece = Piece()
            a, (fz, fe) = self.place(piece), self.field()
            if kind == "headline":
                t = self.term(piece)
                piece.zh = f"{a.zh}：以{t.zh}推动{fz}工作提质增效"
                piece.en = f"{a.en}: Using {t.en} to Raise the Quality of Work on {fe.title()}"
            else:
                verb_zh, verb_en = self.rng.choice(
                    (
                        ("聚焦", "Focusing on"),
                        ("做实", "Consolidating"),
                        ("织密", "Strengthening"),
                        ("补齐", "Completing"),
                    )
                )
                piece.zh = f"{verb_zh}{fz} 服务{a.zh}"
                piece.en = f"{verb_en} {fe.title()} to Serve {a.en}"
            return piece

        return self._unique(make)
