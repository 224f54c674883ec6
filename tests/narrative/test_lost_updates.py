"""Issue 10, finding 6 (report text side): photo, table and case forms, front matter and
section settings carry a version; a stale save is refused, the input kept and explained."""

from narrative import outline, services
from narrative.models import Block, FrontMatter, Section

BASE = "/report/lianzhou/2025/"


def _block(section, editor, kind, **fields):
    return services.add_block(section=section, user=editor, kind=kind, fields=fields)


def _edit_url(block):
    return f"{BASE}sections/{block.section.key}/blocks/{block.pk}/"


def _opened(client, url) -> str:
    return client.get(url).context["form"]["version"].value()


def test_table_form_based_on_an_older_version_is_refused_and_keeps_the_input(
    client, sample, section_143, editor, zhaosheng
):
    block = _block(section_143, editor, "table", caption="旧表题", grid={"rows": [[{"text": "a"}]]})
    client.force_login(zhaosheng)
    version = _opened(client, _edit_url(block))
    services.update_block(
        block=block, user=editor, fields={"caption": "编委会的表题"}, version=version
    )
    post = {"version": version, "caption": "部门的表题", "grid_text": "a | b", "header_rows": 1}
    response = client.post(_edit_url(block), post)
    page = response.content.decode()
    assert response.status_code == 200
    assert "其他人已修改" in page and "部门的表题" in page and "图表标题" in page
    assert Block.objects.get(pk=block.pk).caption == "编委会的表题"
    again = client.post(
        _edit_url(block), post | {"version": response.context["form"]["version"].value()}
    )
    assert again.status_code == 302
    assert Block.objects.get(pk=block.pk).caption == "部门的表题"


def test_case_form_without_a_version_is_refused(client, sample, section_143, zhaosheng, editor):
    block = _block(section_143, editor, "case", title="案例一")
    client.force_login(zhaosheng)
    page = client.post(_edit_url(block), {"title": "改过的案例"}).content.decode()
    assert "其他人已修改" in page
    assert Block.objects.get(pk=block.pk).title == "案例一"


def test_photo_form_based_on_an_older_version_is_refused(
    client, sample, section_143, zhaosheng, editor
):
    block = Block.objects.filter(section__year=sample, kind="photo").first()
    section = block.section
    section.department = zhaosheng.department
    section.save()
    client.force_login(zhaosheng)
    version = _opened(client, _edit_url(block))
    services.update_block(block=block, user=editor, fields={"caption": "新图题"}, version=version)
    page = client.post(_edit_url(block), {"version": version, "caption": "我的图题"})
    assert "其他人已修改" in page.content.decode()
    assert Block.objects.get(pk=block.pk).caption == "新图题"


def test_front_matter_saved_meanwhile_is_not_overwritten(client, sample, editor):
    client.force_login(editor)
    url = f"{BASE}front-matter/"
    form = client.get(url).context["form"]
    data = {
        name: ("" if form[name].value() is None else form[name].value()) for name in form.fields
    }
    front = FrontMatter.objects.get(year=sample)
    services.save_front_matter(
        front_matter=front, fields={"preface_signature": "校长 王少林"}, version=data["version"]
    )
    data["publication_form"] = "我的公开形式"
    page = client.post(url, data).content.decode()
    assert "其他人已修改" in page and "我的公开形式" in page and "前言署名" in page
    front.refresh_from_db()
    assert front.preface_signature == "校长 王少林" and front.publication_form != "我的公开形式"


def test_section_settings_changed_meanwhile_are_not_overwritten(client, sample, editor):
    section = Section.objects.get(year=sample, key="ch2")
    opened = section.settings_version()
    outline.update_section(section=section, title="服务贡献（改）", department=None, version=opened)
    client.force_login(editor)
    post = {"title": "我的标题", "department": "", "version": opened}
    page = client.post(f"{BASE}sections/ch2/settings/", post, follow=True).content.decode()
    assert "其他人已修改" in page and "我的标题" in page
    assert Section.objects.get(pk=section.pk).title == "服务贡献（改）"
