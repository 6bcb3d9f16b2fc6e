"""The HTML page: self-contained, every characteristic rated, quotes shown, document text escaped."""

import re

from pipeline.framework import load_framework
from pipeline.run import review_pack


def test_html_shows_all_characteristics_and_quotes(sample_review):
    html = (sample_review.out_dir / "review.html").read_text()
    for c in load_framework().characteristics:
        assert f'id="{c.id}"' in html
    assert "<mark>NI 20</mark>" in html or ">NI 20<" in html
    assert "14 November 2006" in html
    # nothing fetched from elsewhere: no external scripts, styles, images or fonts
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)
    assert "<script" not in html


def test_document_text_is_escaped(make_pdf, settings, tmp_path):
    path = make_pdf([("title", "Local Area Agreement 2008-2011"),
                     ("p", "<script>alert('x')</script> We will improve services for <b>everyone</b>.")])
    result = review_pack([path], settings, out_dir=tmp_path / "out")
    html = (tmp_path / "out" / "review.html").read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "&lt;b&gt;everyone&lt;/b&gt;" in html
    assert result.data["findings"]
