from narrative.sanitize import clean_html


def test_script_and_its_content_are_removed():
    assert clean_html("<p>好<script>alert(1)</script></p>") == "<p>好</p>"


def test_event_handlers_and_styles_are_removed():
    cleaned = clean_html('<p onclick="steal()" style="color:red" onmouseover="x">文字</p>')
    assert cleaned == "<p>文字</p>"


def test_images_are_removed_even_with_a_local_file_url():
    cleaned = clean_html('<p>a<img src="file:///etc/passwd" onerror="alert(1)">b</p>')
    assert cleaned == "<p>ab</p>"
    assert "passwd" not in cleaned and "onerror" not in cleaned


def test_links_and_external_resources_are_removed():
    cleaned = clean_html(
        '<p><a href="https://evil.example/x">链接</a></p><iframe src="https://evil.example">'
        '</iframe><link rel="stylesheet" href="http://evil.example/a.css">'
    )
    assert cleaned == "<p>链接</p>"
    assert "http" not in cleaned


def test_word_structure_is_kept_within_the_allowlist():
    cleaned = clean_html(
        '<h1 class="MsoTitle">标题</h1><p class="MsoNormal"><b>粗</b><i>斜</i></p>'
        '<ul><li>一</li></ul><table><tr><td colspan="2" style="x">格</td></tr></table>'
    )
    assert cleaned == (
        "<h5>标题</h5><p><strong>粗</strong><em>斜</em></p><ul><li>一</li></ul>"
        '<table><tbody><tr><td colspan="2">格</td></tr></tbody></table>'
    )


def test_bound_figure_is_stored_as_an_empty_reference():
    typed = '<p>毕业生<span data-code="graduates" class="bound-figure">557人</span></p>'
    cleaned = clean_html(typed)
    assert cleaned == '<p>毕业生<span class="bound-figure" data-code="graduates"></span></p>'


def test_span_with_a_malformed_code_or_other_class_is_unwrapped():
    cleaned = clean_html(
        '<p><span class="bound-figure" data-code="x&quot; onload=&quot;">1</span>'
        '<span class="evil">2</span></p>'
    )
    assert cleaned == "<p>12</p>"
