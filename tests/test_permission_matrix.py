"""One matrix: every URL × every role → the status the user gets.

302 = redirect to login (anonymous), 404 = other school, 403 = wrong role, 200 = allowed.
Each feature adds its pages to PAGES. A URL is a format string filled with the demo year.
"""

import pytest

ROLES = ["anonymous", "zhaosheng", "caiwu", "editor", "schooladmin", "outsider"]


def expect(anonymous, zhaosheng, caiwu, editor, schooladmin, outsider):
    return dict(
        zip(ROLES, (anonymous, zhaosheng, caiwu, editor, schooladmin, outsider), strict=True)
    )


PAGES = {
    "/": expect(302, 200, 200, 200, 200, 200),
    "/admin/": expect(302, 403, 403, 403, 200, 403),
    "/admin/reporting/department/": expect(302, 403, 403, 403, 200, 403),
    "/admin/reporting/user/": expect(302, 403, 403, 403, 200, 403),
    "/admin/reporting/reportyear/": expect(302, 403, 403, 403, 200, 403),
    "/exports/lianzhou/2025/": expect(302, 403, 403, 200, 403, 404),
    "/figures/lianzhou/2025/": expect(302, 200, 200, 200, 200, 404),
    "/figures/lianzhou/2025/findings/": expect(302, 200, 200, 200, 200, 404),
    "/figures/lianzhou/2025/d/zhaosheng/": expect(302, 200, 403, 200, 403, 404),
    "/figures/lianzhou/2025/d/zhaosheng/data/progression/": expect(302, 200, 403, 200, 403, 404),
    "/figures/lianzhou/2025/d/caiwu/data/funding/": expect(302, 403, 200, 200, 403, 404),
    "/figures/lianzhou/2025/d/zhaosheng/reported/": expect(302, 200, 403, 200, 403, 404),
    # Department workbooks (Excel download, upload → preview → apply) and the appendix import.
    "/figures/lianzhou/2025/workbook/": expect(302, 200, 200, 200, 200, 404),
    "/figures/lianzhou/2025/workbook/all.xlsx": expect(302, 403, 403, 200, 403, 404),
    "/figures/lianzhou/2025/appendix-import/": expect(302, 403, 403, 200, 403, 404),
    "/figures/lianzhou/2025/d/zhaosheng/workbook.xlsx": expect(302, 200, 403, 200, 403, 404),
    "/admin/metrics/indicator/": expect(302, 403, 403, 403, 200, 403),
    "/admin/metrics/rule/": expect(302, 403, 403, 403, 200, 403),
    # Report text (narrative): outline, previews, the committee's front matter; sections by
    # key (a new year's mandated chapters have no department, so heads get 403 there).
    "/report/lianzhou/2025/": expect(302, 200, 200, 200, 200, 404),
    "/report/lianzhou/2025/preview/": expect(302, 200, 200, 200, 200, 404),
    "/report/lianzhou/2025/front-matter/": expect(302, 403, 403, 200, 403, 404),
    "/report/lianzhou/2025/sections/ch1/": expect(302, 403, 403, 200, 403, 404),
    "/report/lianzhou/2025/sections/ch1/preview/": expect(302, 200, 200, 200, 200, 404),
    "/report/lianzhou/2025/sections/ch1/versions/": expect(302, 403, 403, 200, 403, 404),
    "/report/lianzhou/2025/sections/ch1/blocks/new/photo/": expect(302, 403, 403, 200, 403, 404),
    "/report/lianzhou/2025/sections/ch1/blocks/new/chart/": expect(302, 403, 403, 200, 403, 404),
    # 锁定与发布: every member reads the editions; lock/unlock are POST-only (405 on GET) and
    # refused to all but the committee (tests/publication). Editions: none in the demo → 404.
    "/publication/lianzhou/2025/": expect(302, 200, 200, 200, 200, 404),
    "/publication/lianzhou/2025/lock/": expect(302, 405, 405, 405, 405, 405),
    "/publication/lianzhou/2025/unlock/": expect(302, 405, 405, 405, 405, 405),
    "/publication/lianzhou/2025/editions/1/pdf/": expect(302, 404, 404, 404, 404, 404),
    "/report/lianzhou/2025/create-outline/": expect(302, 405, 405, 405, 405, 405),
}


@pytest.mark.parametrize("url", list(PAGES))
def test_permission_matrix(client, people, url):
    for role, expected in PAGES[url].items():
        client.logout()
        if people[role] is not None:
            client.force_login(people[role])
        response = client.get(url)
        assert response.status_code == expected, f"{role} GET {url}"
        if expected == 302:
            assert "login/" in response.url
