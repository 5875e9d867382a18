"""The content guard: every check catches what it is for and leaves real governance text alone.

Each check has a test that fails if the check is removed (it asserts the check's code is reported)
and a test of legitimate text that must pass. The source article's injected last line is the
regression case.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from govcat import frontmatter, guard
from govcat.problems import MESSAGES

ROOT = Path(__file__).resolve().parents[1]
INJECTED = "影音先锋女色资源下载"  # the last line of the captured source article: adult-site spam

ARTICLE = (  # paragraphs of the source article, in Simplified characters, as editors quote them
    "平安工作的根基在基层,活力在基层。自2020年开始,积极探索“政治引领、法治保障、德治教化、自治强基"
    "、智治支撑+网格化服务管理”的治理新模式,为基层治理提供源源不断的内生动力。16个基层治理创新示范点"
    "先行先试,示范引领,通海路管理处的“红色驿站”引领居民自治模式不断巩固提升,得到上级充分肯定,《岳阳"
    "日报》头版头条报道;康王乡长石桥村“五民一体”村民自治经验在全市基层社会治理现场观摩会上予以推介;还"
    "有平地村“网格微治理”、空港新村“群贤断家事”、梅子柿社区“梅子小屋”、分水垅社区“和事佬”调解室、"
    "木里港社区“8090”先锋队、羊角山社区“家和”理念等各有特色,基层社会治理呈现出百花齐放、方兴未艾"
    "的崭新局面。\n\n"
    "网格是最小的治理单元,经开区强化网格服务管理,优化科技支撑,打通了“服务群众最后一公里”。通过“网格"
    "+12345”、“平安经开区”小程序等信息平台,推动民声在网上反映、事情在网上办理、政策在网上解释、"
    "成效在网上体现,破解了乡镇地域广、管理服务难的问题。截至2021年底,上报网格服务事件3901件,其"
    "中社情民意类2067条,调处微矛盾1834起。\n\n"
    "群众最关心什么,我们就解决什么;群众最痛恨什么,我们就攻坚什么。认真开展“平安一号”行动、“净风一号"
    "”等专项行动,重拳出击,打出了声威,打出了震慑,打出了实效。2021年,共侦办涉恶集团1个,涉案团伙"
    "成员4人,共破获刑事案件260余起,刑拘214余人,起诉194人、行政拘留302人、行政处罚300余"
    "人,强制隔离戒毒33余人,打财断血31810。新发现“关系网”“保护伞”违纪违规线索共计13条,均及"
    "时移交纪检监察等部门核查处理,侦办了以黄某为首的恶势力犯罪集团3·18敲诈勒索系列案件、107国道盗"
    "窃团伙案件。\n\n"
    "针对突出治安问题,始终保持严打高压态势,著力开展打击电信网络诈骗犯罪专项行动,聚焦侦破关乎群众切身利"
    "益的小盗窃、小诈骗、小抢劫等多发性侵财“小案件”。全年共侦破电诈类案件37起,抓获犯罪嫌疑人111人"
    ",为群众和企业挽回经济损失2400余万元;深入开展娱乐场所“毒黄赌”、“平安一号”、“百万警进千万家"
    "”、“送法进校园”等专项行动,全面加强安全管控和隐患排查整治,共开展集中清查行动14次,出动警力70"
    "0余人次,清查麻将馆785家、棋牌室98家、茶楼245家、宾馆酒店607家、KTV、足浴等娱乐休闲场"
    "所78家,关停麻将馆44家、训诫经营业主14人。检查危爆物品仓库、剧毒物品销售使用单位52家、整改隐"
    "患6处。检查物流总部6家,门店35家,整改隐患4处。检查农村、城区加油站12家,输油气管道企业3家,"
    "破获了西塘镇某医院暗藏“黑加油站”案件。检查学校、幼儿园、医院、金融单位67家,责令整改隐患24处。\n\n"
    "深入开展“平安乡镇”、“平安社区”、“平安校园”、“平安医院”等“十大平安”创建工作,强势助推“平安"
    "经开区”的建设步伐。全区形成了治安巡逻有“流动哨”、调解矛盾有“暖心房”、举报线索有“千里眼”、整治"
    "乱源有“利剑”的坚固安全盾,更好地保障经济高质量发展、促进社会高效能治理、守护群众高品质生活。"
)


def codes(text: str, path: str = "docs/models/x.md", **kw) -> list[str]:
    problems = guard.check_text(path, text, **kw)
    for p in problems:  # every problem must format in both languages
        assert "错误：" in p.format() and "Fix: " in p.format()
    return [p.code for p in problems]


def page(body: str, meta: str = "title: 梅子小屋") -> str:
    return f"---\n{meta}\n---\n\n{body}\n"


# --- spam -------------------------------------------------------------------------------------------------

def test_injected_line_from_the_source_is_caught_on_its_line():
    problems = guard.check_text("docs/models/x.md", page("## 概况\n\n待补充。\n\n" + INJECTED))
    assert [(p.code, p.line) for p in problems] == [("guard-spam", 9)]
    text = problems[0].format()
    assert "影音先锋" in text and "资源下载" in text and "色情网站广告" in text and "adult-site" in text


def test_injected_line_is_caught_in_the_article_it_came_from():
    problems = guard.check_text("article.md", ARTICLE + "\n\n" + INJECTED + "\n")
    assert [p.code for p in problems] == ["guard-spam"]
    assert problems[0].line == ARTICLE.count("\n") + 3


def test_the_article_itself_passes():
    """Real governance text: 毒黄赌, 扫黑除恶, 棋牌室, 举报线索, 网格+12345, 8090 …"""
    assert guard.check_text("article.md", ARTICLE) == []


def test_the_captured_source_file_is_caught_only_on_its_last_line():
    source = ROOT.parent / "shared" / "sources" / "2022-03-03-jingkaiqu-pingan-huimou.zh-Hant.txt"
    if not source.exists():
        pytest.skip("shared/sources is not beside the work tree")
    text = source.read_text(encoding="utf-8")
    problems = guard.check_text("source.txt", text)
    assert [(p.code, p.line) for p in problems] == [("guard-spam", text.rstrip("\n").count("\n") + 1)]


@pytest.mark.parametrize("text", [
    "影 音 先 锋 资 源 下 载",  # spaced out
    "影音先锋\u3000资源下载",  # ideographic space
    "高清无码在线观看",
    "最新电影免费下载",
    "磁力链接 BT下载",
    "澳门新葡京娱乐城，注册送彩金",
    "百家乐官方网址 abc.com",
    "真人视讯 首存送100%",
    "加微信 abc12345 了解详情",
    "有意者加ＱＱ：１２３４５６７８",  # full-width letters and digits
    "VX: shuadan888",
    "联系手机13812345678",
    "代开发票 电话 0730-8888888",
    "专业办证，诚信经营",
    "刷单兼职日结，加V信 job2022",
    "cheap viagra online",
])
def test_spam_is_caught(text):
    assert codes(page(text)) == ["guard-spam"], text


@pytest.mark.parametrize("text", [
    "深入开展娱乐场所“毒黄赌”专项行动。",
    "坚决打击涉黄涉赌涉毒违法犯罪。",
    "持续开展“扫黄打非”专项行动，净化文化市场。",
    "依法打击赌博违法犯罪活动，查处网络赌博平台3个。",
    "清查麻将馆785家、棋牌室98家、茶楼245家。",
    "举报线索有“千里眼”。",
    "警惕刷单返利类诈骗，不点陌生链接。",
    "税务机关为个人代开发票。",
    "破解群众办证难、办事慢的问题。",
    "咨询纳税服务热线12366。",
    "关注“平安经开区”微信公众号。",
    "通过“网格+12345”反映诉求。",
    "XXX社区XXX网格（示例）",
    "群众可免费下载安装“平安经开区”小程序。",  # allow: 免费下载安装
    "法院开通在线观看庭审直播。",  # allow: 在线观看庭审
    "强制隔离戒毒33余人，打财断血31810。",
    "区公安分局80人的专职巡逻队全天候巡逻，落实24小时值守警力。",
    "A campaign against drugs, pornography and gambling closed an illegal casino.",  # English translations
    "A mediation specialist (调解专家) listens first.",  # cialis is inside specialist
])
def test_legitimate_governance_text_passes(text):
    assert codes(page(text)) == [], text


def test_spam_in_front_matter_names_the_field():
    [problem] = guard.check_text("docs/models/x.md", page("正文", meta="title: 梅子小屋\nsummary: 高清无码资源下载"))
    assert (problem.code, problem.line, problem.field) == ("guard-spam", 3, "summary")


def test_spam_in_code_is_still_caught():
    """A code block is published too: it is no hiding place."""
    assert codes(page("```\n" + INJECTED + "\n```")) == ["guard-spam"]


def test_pattern_file_is_well_formed_and_every_allow_entry_is_needed():
    data = yaml.safe_load(guard.PATTERNS_FILE.read_text(encoding="utf-8"))
    rules = guard.load_rules()
    for entry in data["phrases"] + data["patterns"]:
        assert entry["category"] in data["categories"], entry
    for phrase in data["phrases"]:
        assert phrase["text"] == phrase["text"].lower(), "write phrases in lower case: matching is done in lower case"
    for entry in data["allow"]:
        allowed = guard._normalise(entry["text"])
        caught = any(p in allowed for p in rules.phrases) or any(rx.search(allowed) for rx, _, _ in rules.patterns)
        assert caught, f"allow entry {entry['text']} does not contain any listed phrase: remove it"


def test_bad_pattern_file_is_reported(tmp_path):
    bad = tmp_path / "patterns.yml"
    text = guard.PATTERNS_FILE.read_text(encoding="utf-8").replace("category: adult", "category: adlut", 1)
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="adlut"):
        guard.load_rules(bad)
    bad.write_text(text.replace("adlut", "adult").replace("(?<!\\d)1[3-9]", "(?<!\\d1[3-9]", 1), encoding="utf-8")
    with pytest.raises(ValueError, match="not a valid regular expression"):
        guard.load_rules(bad)


# --- characters -------------------------------------------------------------------------------------------

def test_kangxi_radical_in_title_is_named_with_the_right_character():
    [problem] = guard.check_text("docs/models/x.md", page("正文", meta="title: 梅子⼩屋"))
    assert (problem.code, problem.line, problem.field) == ("guard-lookalike", 2, "title")
    text = problem.format()
    assert "U+2F29" in text and "小 (U+5C0F" in text and "康熙部首" in text and "Kangxi" in text


def test_cjk_radical_supplement_uses_the_lookalike_table():
    [problem] = guard.check_text("x.md", "五⺠一体")
    assert problem.code == "guard-lookalike"
    assert "U+2EA0" in problem.format() and "民 (U+6C11" in problem.format()


def test_cjk_radical_without_a_lookalike_is_still_caught():
    assert codes("⺁字") == ["guard-radical"]


def test_compatibility_ideograph_is_caught_but_unified_ones_in_that_block_pass():
    [problem] = guard.check_text("x.md", "梅子\uf900屋")
    assert problem.code == "guard-lookalike" and "U+F900" in problem.format() and "U+8C48" in problem.format()
    assert codes("\ufa0e\ufa0f") == []  # 﨎﨏 are unified ideographs despite their block


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2060",
                                  "\u2064", "\u2066", "\u2069", "\ufeff", "\u00ad", "\u3164", "\u2028"])
def test_invisible_and_bidi_characters_are_caught(char):
    problems = guard.check_text("x.md", page(f"梅子{char}小屋"))
    assert [p.code for p in problems] == ["guard-invisible"]
    assert f"U+{ord(char):04X}" in problems[0].format() and problems[0].params["column"] == 3


def test_invisible_character_in_a_title_names_the_field():
    [problem] = guard.check_text("docs/models/x.md", page("正文", meta="title: 梅子\u200b小屋"))
    assert (problem.code, problem.line, problem.field) == ("guard-invisible", 2, "title")
    assert "ZERO WIDTH SPACE" in problem.format()


def test_byte_order_mark_at_file_start_passes():
    assert codes("\ufeff" + page("正文")) == []
    assert codes("\ufeff正文", first_line=10) == ["guard-invisible"]  # a fragment's start is not the file's


def test_control_and_private_use_characters_are_caught():
    assert codes("响铃\x07字符") == ["guard-control"]
    assert codes("图标\ue000字符") == ["guard-private-use"]


def test_ordinary_chinese_text_and_punctuation_pass():
    text = page("“梅子小屋”（梅子柿社区）：调解、议事……《岳阳日报》——2021年。\t表格 | 1 |\n\n![图](a.png) 😀")
    assert codes(text) == []


def test_long_runs_of_one_character_are_caught_but_markdown_rules_pass():
    assert codes("啊" * 40) == ["guard-repeated"]
    assert codes("a" * 30) == ["guard-repeated"]
    assert codes("a" * 29) == []
    assert codes("标题\n" + "=" * 60 + "\n\n" + "-" * 60 + "\n\n| 列 |\n|" + "-" * 40 + "|\n\n！！！") == []


# --- HTML -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>",
    '<iframe src="https://example.com"></iframe>',
    "<object data=x></object>",
    "<embed src=x>",
    "<style>body{display:none}</style>",
    '<form action="https://example.com"><input></form>',
    '<link rel="stylesheet" href="https://example.com/x.css">',
    '<meta http-equiv="refresh" content="0">',
    '<base href="https://example.com/">',
    '<a href="https://example.com">链接</a>',
    "<img src=x.png>",
    "<font color=red>红字</font>",
    "<marquee>滚动</marquee>",
])
def test_html_outside_the_allowlist_is_caught(html):
    assert "guard-html-tag" in codes(page(html))


@pytest.mark.parametrize("html", [
    '<span onclick="alert(1)">x</span>',
    '<div class="x" onmouseover=alert(1)>x</div>',
    "<svg/onload=alert(1)>",
    '<img src=x onerror="alert(1)">',
    '<abbr title="x"\n  onfocus="alert(1)">多行</abbr>',
])
def test_event_handlers_are_caught(html):
    assert "guard-html-event" in codes(page(html))


def test_event_handler_line_is_the_attribute_line():
    problems = guard.check_text("x.md", '第一行\n<span\n  class="a"\n  onclick="x">y</span>')
    assert [(p.code, p.line) for p in problems] == [("guard-html-event", 4)]


@pytest.mark.parametrize("html", ['<span style="display:none">隐藏</span>', '<abbr id="x" title="y">z</abbr>'])
def test_attributes_outside_the_allowlist_are_caught(html):
    assert codes(page(html)) == ["guard-html-attr"]


def test_allowed_html_passes():
    text = page('<abbr title="网格化服务管理">网格</abbr>换行<br>上标<sup>1</sup>下标<sub>2</sub>'
                '<kbd>Ctrl</kbd><mark>重点</mark><strong>3901</strong><em>件</em>\n\n'
                '<div class="grid" markdown>\n\n**卡片**\n\n</div>\n\n'
                '<span class="badge">新</span>\n\n人数<30，且 2>1。\n\n'
                '自动链接 <https://www.gov.cn/> 和 <someone@example.com>。')
    assert codes(text) == []


def test_html_in_code_is_exempt():
    text = page("```html\n<script>alert(1)</script>\n<a href=\"http://example.com\">x</a>\n```\n\n"
                "~~~~\n<iframe></iframe>\n~~~~\n\n!!! note \"一般性建议（非来源内容）\"\n\n"
                "    ```\n    <style></style>\n    ```\n\n行内 `<script>` 和 ``<a href=\"javascript:x\">`` 不算。")
    assert codes(text) == []


def test_html_after_a_closed_fence_is_checked():
    assert codes(page("```\ncode\n```\n\n<script>x</script>")) == ["guard-html-tag"]


def test_html_comments_hiding_text_are_caught_but_markers_pass():
    assert codes(page("正文<!-- 这里藏着一段读者看不到的文字 -->")) == ["guard-html-comment"]
    assert codes(page("<!--\n多行\n注释\n-->")) == ["guard-html-comment"]
    assert codes(page("<!-- md:version 1.2 -->\n\n<!---->\n\n<!-- govcat:related -->")) == []


def test_unclosed_html_comment_is_caught():
    assert codes(page("正文\n\n<!-- 从这里开始整页都消失")) == ["guard-html-comment-unclosed"]


@pytest.mark.parametrize("text", [
    '[链接](https://www.gov.cn/){ onclick="alert(1)" }',
    "## 概况 { onmouseover=alert(1) }",
])
def test_attribute_lists_with_handlers_are_caught(text):
    assert codes(page(text)) == ["guard-html-event"]


@pytest.mark.parametrize("text", [
    '[链接](https://www.gov.cn/){ style="display:none" }',
    '[政府网站](https://www.gov.cn/){ href="https://example.com" }',
])
def test_attribute_lists_that_restyle_or_repoint_are_caught(text):
    assert codes(page(text)) == ["guard-attr-list"]


def test_ordinary_attribute_lists_pass():
    text = '## 概况 { #gaikuang }\n\n[按钮](../index.md){ .md-button }\n\n![图](a.png){ width="300" }'
    assert codes(page(text)) == []


# --- URLs and links ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "[点我](javascript:alert(1))",
    "[点我](JaVaScRiPt:alert(1))",
    "[点我](java&#x09;script:alert(1))",
    "[点我](vbscript:msgbox)",
    "![图](data:image/svg+xml;base64,PHN2Zz4=)",
    "[点我][1]\n\n[1]: javascript:alert(1)",
    "<javascript:alert(1)>",
    '<span class="javascript:alert(1)">x</span>',
])
def test_script_and_data_urls_are_caught(text):
    assert "guard-unsafe-url" in codes(page(text))


def test_unsafe_url_in_a_disallowed_tag_is_reported_too():
    assert sorted(codes(page('<a href="javascript:alert(1)">x</a>'))) == ["guard-html-tag", "guard-unsafe-url"]


@pytest.mark.parametrize("text", [
    "[岳阳经开区](http://www.yueyang.gov.cn/)",
    "<http://www.yueyang.gov.cn/>",
    "[来源][1]\n\n[1]: http://www.yueyang.gov.cn/",
    "原文见 http://www.yueyang.gov.cn/jkq/ 。",
    "[文件](ftp://example.com/a.pdf)",
])
def test_external_links_that_are_not_https_are_caught(text):
    problems = guard.check_text("x.md", page(text))
    assert [p.code for p in problems] == ["guard-insecure-link"]
    assert "https://" in problems[0].params["https"]


def test_insecure_remote_image_is_reported_as_both():
    assert sorted(codes(page("![图](http://example.com/a.png)"))) == ["guard-insecure-link", "guard-remote-resource"]


def test_insecure_url_in_a_data_file_names_the_field():
    text = "- id: jkq\n  title: 文章\n  url: http://www.yueyang.gov.cn/a.html\n  note: >-\n    见 http://x.cn/b\n"
    problems = guard.check_text("data/sources.yml", text)
    assert [(p.code, p.line, p.field) for p in problems] == [
        ("guard-insecure-link", 3, "url"), ("guard-insecure-link", 5, "note")]


def test_https_relative_local_and_mail_links_pass():
    text = page("[来源](https://www.yueyang.gov.cn/a.html)\n\n[贡献](../contribute.md#preview)\n\n[本节](#gaikuang)"
                "\n\n预览 http://127.0.0.1:8000 或 http://localhost:8000/\n\n[写信](mailto:a@example.com)\n\n"
                "<https://www.gov.cn/>\n\n[1]: https://www.gov.cn/")
    assert codes(text) == []


@pytest.mark.parametrize("text", [
    "[https://www.gov.cn](https://example.com/phish)",
    "[www.gov.cn](https://example.com/)",
    "[yueyang.gov.cn](../index.md)",
    "[**www.gov.cn**][gov]\n\n[gov]: https://example.com/",
])
def test_link_text_that_shows_another_address_is_caught(text):
    assert codes(page(text)) == ["guard-link-text"]


@pytest.mark.parametrize("text", [
    "[yueyang.gov.cn](https://www.yueyang.gov.cn/jkq/)",
    "[https://www.gov.cn/](https://www.gov.cn/)",
    "[gov.cn](https://www.yueyang.gov.cn/)",  # a subdomain of the shown domain
    "[places.yml](../../data/places.yml)",
    "[index.md](../index.md)",
    "[梅子小屋](meizi-xiaowu.md)",
])
def test_link_text_matching_its_target_passes(text):
    assert codes(page(text)) == []


def test_cyrillic_lookalike_in_a_host_is_caught():
    assert codes(page("[苹果](https://www.\u0430pple.com/)")) == ["guard-homoglyph-url"]  # Cyrillic а
    puny = "xn--" + "\u0430pple".encode("punycode").decode()
    problems = guard.check_text("x.md", page(f"[苹果](https://{puny}.com/)"))
    assert [p.code for p in problems] == ["guard-homoglyph-url"]
    assert "CYRILLIC" in problems[0].format()


def test_chinese_domain_names_pass():
    assert codes(page("[政府](https://政府.cn/)")) == []


# --- files and trees --------------------------------------------------------------------------------------

def test_first_line_offsets_reported_lines():
    [problem] = guard.check_text("docs/models/x.md", "正文\n" + INJECTED, first_line=20)
    assert problem.line == 21 and problem.field is None


def test_check_tree_shows_paths_from_the_root(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    (docs / "models").mkdir(parents=True)
    data.mkdir()
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    (docs / "models" / "bad.md").write_text(page(INJECTED), encoding="utf-8")
    (docs / ".meta.yml").write_text("title: <script>x</script>\n", encoding="utf-8")
    (data / "sources.yml").write_text("- id: a\n  url: http://example.com/\n", encoding="utf-8")
    (data / "latin1.yml").write_bytes("名称: 梅子".encode("gbk"))
    (docs / "evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (docs / "logo.svg").write_text('<svg onload="alert(1)"></svg>', encoding="utf-8")
    (docs / "ok.svg").write_text("<svg><circle r='1'/></svg>", encoding="utf-8")
    found = {(p.path, p.code, p.line) for p in guard.check_tree(tmp_path, docs, data)}
    assert found == {
        ("docs/models/bad.md", "guard-spam", 5),
        ("docs/.meta.yml", "guard-html-tag", 1),
        ("data/sources.yml", "guard-insecure-link", 2),
        ("data/latin1.yml", "guard-not-utf8", None),
        ("docs/evil.html", "guard-raw-file", None),
        ("docs/logo.svg", "guard-raw-file", None),
    }


def test_the_real_catalogue_passes_the_guard():
    """The pages and registries in this repository: what the build will check."""
    problems = guard.check_tree(ROOT, ROOT / "docs", ROOT / "data")
    assert problems == [], "\n\n".join(p.format() for p in problems)


def test_template_passes_the_guard():
    template = (ROOT / "templates" / "model.md").read_text(encoding="utf-8")
    assert guard.check_text("templates/model.md", template) == []


def test_every_guard_message_has_four_texts_that_format():
    guard_codes = [code for code in MESSAGES if code.startswith("guard-")]
    assert len(guard_codes) >= 15
    for code in guard_codes:
        texts = MESSAGES[code]
        assert len(texts) == 4 and all(texts), code
        assert re.search(r"[\u4e00-\u9fff]", texts[0]) and re.search(r"[\u4e00-\u9fff]", texts[2]), code


def test_guard_does_not_disturb_front_matter_parsing():
    """The guard reads the same text the loader does; a page it passes still parses."""
    text = page("正文", meta="title: 梅子小屋\nsummary: 一句话。")
    doc, problems = frontmatter.parse("x.md", text)
    assert problems == [] and doc.meta["title"] == "梅子小屋"
    assert guard.check_text("x.md", text) == []


def test_command_line_reports_and_exits_non_zero(tmp_path, capsys):
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    assert guard.main([str(tmp_path)]) == 0
    assert "0 个问题" in capsys.readouterr().out
    (tmp_path / "docs" / "bad.md").write_text(INJECTED + "\n", encoding="utf-8")
    assert guard.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "bad.md:1" in out and "1 个问题" in out and "1 problem(s)" in out


@pytest.mark.parametrize("text", [
    ARTICLE, INJECTED, "ＱＱ：１２３４５６７８", "加ＶＸ，ｗｘ１２３４５", "ﬁ ligature and ① and ㎡", "ｶﾞ half-width kana",
    "e\u0301 combining accent", "（\u0301）", "，\u0308", "\u1100\u1161 jamo", "全角\u3000空格，：；（）！？［］｛｝％＋－＝～",
    "\u2f00 Kangxi radical", "\uf900 compatibility ideograph", "", "plain ascii",
])
def test_fast_normalisation_is_nfkc(text):
    """The spam check's shortcut for Chinese punctuation gives exactly what NFKC gives."""
    assert guard._nfkc(text) == unicodedata.normalize("NFKC", text)


# --- spam in the other script and in disguise ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "影音先鋒女色資源下載",  # the regression case in Traditional, as the machine-converted source page has it
    "影.音.先.锋",  # punctuation between the characters
    "影·音·先·锋 资-源-下-载",
    "“影”“音”“先”“锋”",  # quoted one character at a time
    "影_音_先_锋",
    "澳·門·新·葡·京",  # a gambling ad in Traditional, spaced out
    "澳 門 新 葡 京 注 冊 送 彩 金",
    "真.人.視.訊 首.存.送",
    "高清無碼",
    "ＱＱ：１２３４５６７８ 代開發票",  # full width and Traditional
    "影⾳先锋",  # a Kangxi radical for 音
])
def test_spam_in_the_other_script_or_disguised_is_caught(text):
    assert "guard-spam" in codes(page(text)), text


@pytest.mark.parametrize("text", [
    "深入開展娛樂場所“毒黃賭”專項行動。",  # the article's own words, in Traditional
    "堅決打擊涉黃涉賭涉毒違法犯罪。",
    "黄、赌、毒问题突出的场所，纳入重点整治。",  # single words in a list: not a spaced-out run
    "工作人员，妻子和孩子也参与了志愿服务。",  # 人妻 only across a comma between two-character words
    "第 1 2 3 条规定了调解程序。",
    "清查麻將館785家、棋牌室98家。",
    "A. B. C. 三个网格各设一名网格员。",
])
def test_legitimate_text_in_either_script_or_with_separators_passes(text):
    assert codes(page(text)) == [], text


def test_folded_match_is_reported_on_its_own_line():
    problems = guard.check_text("docs/models/x.md", page("## 概况\n\n待补充。\n\n影 音 先 鋒"))
    assert [(p.code, p.line) for p in problems] == [("guard-spam", 9)]


# --- files from other hosts ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, line", [
    ("![示意图](https://example.com/a.png)", 5),
    ("![示意图](http://example.com/a.png)", 5),
    ("![示意图](//cdn.example.com/a.png)", 5),  # protocol-relative
    ("![示意图](<https://example.com/a b.png>)", 5),
    ("![示意图][图1]\n\n[图1]: https://example.com/a.png", 7),  # by reference: the definition's line
    ("![图1]\n\n[图1]: https://example.com/a.png", 7),  # shortcut reference
    ("![图1][]\n\n[图1]: //example.com/a.png", 7),  # collapsed reference
    ('<img src="https://example.com/a.png">', 5),
    ('<img srcset="a.png 1x, https://example.com/a@2x.png 2x">', 5),
    ('<video poster="https://example.com/p.jpg"></video>', 5),
    ('<object data="https://example.com/x.swf"></object>', 5),
    ('<link rel="stylesheet" href="https://example.com/x.css">', 5),
    ('<span class="x" style="background: url(https://example.com/a.png)">x</span>', 5),
    ('<style>\nbody { background: url("https://example.com/a.png") }\n</style>', 6),
])
def test_files_from_other_hosts_are_caught(text, line):
    problems = guard.check_text("docs/models/x.md", page(text))
    remote = [p for p in problems if p.code == "guard-remote-resource"]
    assert [p.line for p in remote] == [line], text
    text = remote[0].format()
    assert "docs/assets/" in text and "example.com" in text


def test_remote_image_in_registry_text_names_the_field():
    text = "- id: x\n  zh: 调解\n  description: 见图 ![图](https://example.com/a.png)\n"
    problems = [p for p in guard.check_text("data/vocabulary.yml", text) if p.code == "guard-remote-resource"]
    assert [(p.line, p.field) for p in problems] == [(3, "description")]


@pytest.mark.parametrize("text", [
    "[来源原文](https://www.yueyang.gov.cn/jkq/a.html)",  # a link the reader chooses to follow
    "原文见 https://www.yueyang.gov.cn/jkq/ 。",
    "![示意图](../assets/images/a.png)",
    "![示意图](/assets/images/a.png)",
    "![示意图](http://localhost:8000/a.png)",
    "```html\n<img src=\"https://example.com/a.png\">\n```",  # shown as code, not loaded
    "`![x](https://example.com/a.png)`",
])
def test_links_local_files_and_code_are_not_remote_resources(text):
    assert "guard-remote-resource" not in codes(page(text)), text


def test_style_sheets_under_docs_are_checked_for_other_hosts(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    (docs / "assets" / "stylesheets" / "extra.css").write_text(
        ".a { background: url(../images/a.png) }\n@import url('https://fonts.example.com/x.css');\n"
        ".b { background: url(//cdn.example.com/b.png) }\n", encoding="utf-8")
    problems = guard.check_tree(tmp_path, docs, tmp_path / "data")
    assert [(p.path, p.code, p.line) for p in problems] == [
        ("docs/assets/stylesheets/extra.css", "guard-remote-resource", 2),
        ("docs/assets/stylesheets/extra.css", "guard-remote-resource", 3)]


def test_the_site_style_sheets_load_nothing_from_other_hosts():
    for css in (ROOT / "docs").rglob("*.css"):
        assert guard._check_css(str(css), css.read_text(encoding="utf-8")) == [], css
