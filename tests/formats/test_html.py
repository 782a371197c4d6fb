"""HTML pages: the visible text of block elements, scripts and styles dropped, paragraph places."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from termkit.cli import main
from termkit.errors import InputError
from termkit.formats.html import read_html, read_paragraphs
from termkit.formats.txt import corpus_files

from conftest import GLOSSARY

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>页面标题不读</title>
<style>p {{ color: red }} .艾滋病病毒 {{}}</style>
<script>var s = "艾滋病病毒";</script></head>
<body>
<nav hidden>艾滋病病毒导航</nav>
<h1>毒品和犯罪问题办公室</h1>
<p>毒罪办与<a href="https://www.unaids.org/">联合国艾滋病毒/艾滋病联合规划署</a>合作，
继续开展<b>工作</b>。<sup>1</sup></p>
<!-- 艾滋病病毒注释 -->
<div aria-hidden="true">艾滋病病毒隐藏</div>
<ul><li>预防吸毒</li><li>毒罪办针对吸毒者中艾滋病病毒和其他血液传播疾病采取了举措。</li></ul>
<table><tr><td>项目</td><td>说明</td></tr></table>
<p>第一行<br>第二行</p>
<noscript>请启用脚本</noscript>
</body></html>
"""


@pytest.mark.parametrize("charset, codec", [("utf-8", "utf-8"), ("gb2312", "gb18030")])
def test_visible_block_text_in_order(tmp_path, charset, codec):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode(codec))
    texts = [p.text for p in read_paragraphs(path)]
    assert texts == [
        "毒品和犯罪问题办公室",
        "毒罪办与联合国艾滋病毒/艾滋病联合规划署合作，继续开展工作。¹",
        "预防吸毒",
        "毒罪办针对吸毒者中艾滋病病毒和其他血液传播疾病采取了举措。",
        "项目",
        "说明",
        "第一行\n第二行",
    ]


def test_check_points_at_the_paragraph(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    out = tmp_path / "report.json"
    r = CliRunner().invoke(main, ["check", str(path), "-g", GLOSSARY, "-o", str(out), "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    report = json.loads(out.read_text(encoding="utf-8"))
    places = {loc["paragraph"] for f in report["findings"] for loc in f["locations"] if loc["form"] == "艾滋病病毒"}
    assert places == {4}
    assert corpus_files([tmp_path]) == [path]


def test_a_page_without_text(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><script>x()</script></head><body> </body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="has no text"):
        read_html(path)
