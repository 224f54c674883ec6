"""One matrix: every URL × every role → the status the user gets.

302 = redirect to login (anonymous), 404 = other school, 403 = wrong role, 200 = allowed.
Each feature adds its pages to PAGES. A URL is a format string filled with the demo year.
"""

import pytest

ROLES = ["anonymous", "zhaosheng", "caiwu", "editor", "schooladmin", "outsider"]


def expect(anonymous, zhaosheng, caiwu, editor, schooladmin, outsider, *, staff=None, bureau=404):
    """`staff` (王填报, 填报员 of 招生就业办) sees what that head sees, unless given.
    `bureau` (清远市教育局) belongs to no school: a school's own pages are 404 to it (it reads
    them through the region pages), unless given."""
    statuses = (anonymous, zhaosheng, caiwu, editor, schooladmin, outsider)
    return {
        **dict(zip(ROLES, statuses, strict=True)),
        "zhaosheng_staff": zhaosheng if staff is None else staff,
        "bureau": bureau,
    }


PAGES = {
    "/": expect(302, 200, 200, 200, 200, 200, bureau=200),
    "/admin/": expect(302, 403, 403, 403, 200, 403, bureau=403),
    "/admin/reporting/department/": expect(302, 403, 403, 403, 200, 403, bureau=403),
    "/admin/reporting/user/": expect(302, 403, 403, 403, 200, 403, bureau=403),
    "/admin/reporting/reportyear/": expect(302, 403, 403, 403, 200, 403, bureau=403),
    "/exports/lianzhou/2025/": expect(302, 403, 403, 200, 403, 404),
    "/figures/lianzhou/2025/": expect(302, 200, 200, 200, 200, 404),
    "/figures/lianzhou/2025/findings/": expect(302, 200, 200, 200, 200, 404),
    "/figures/lianzhou/2025/d/zhaosheng/": expect(302, 200, 403, 200, 403, 404),
    "/figures/lianzhou/2025/d/zhaosheng/data/progression/": expect(302, 200, 403, 200, 403, 404),
    "/figures/lianzhou/2025/d/caiwu/data/funding/": expect(302, 403, 200, 200, 403, 404),
    "/figures/lianzhou/2025/d/zhaosheng/reported/": expect(302, 200, 403, 200, 403, 404),
    "/admin/metrics/indicator/": expect(302, 403, 403, 403, 200, 403, bureau=403),
    "/admin/metrics/rule/": expect(302, 403, 403, 403, 200, 403, bureau=403),
    # Report text (narrative): outline, previews, the committee's front matter; sections by
    # key (a new year's mandated chapters have no department, so heads get 403 there).
    "/report/lianzhou/2025/": expect(302, 200, 200, 200, 200, 404),
    "/report/lianzhou/2025/preview/": expect(302, 200, 200, 200, 200, 404),
    "/report/lianzhou/2025/front-matter/": expect(302, 403, 403, 200, 403, 404),
    "/report/lianzhou/2025/sections/ch1/": expect(302, 403, 403, 200, 403, 404),
    "/report/lianzhou/2025/sections/ch1/preview/": expect(302, 200, 200, 200, 200, 404),
    "/report/lianzhou/2025/sections/ch1/versions/": expect(302, 403, 403, 200, 403, 404),
    "/report/lianzhou/2025/sections/ch1/blocks/new/photo/": expect(302, 403, 403, 200, 403, 404),
    # 学校设置 (the school administrator's setup), the operator's 新建学校, one's own password.
    "/setup/lianzhou/": expect(302, 403, 403, 403, 200, 404),
    "/setup/lianzhou/school/": expect(302, 403, 403, 403, 200, 404),
    "/setup/lianzhou/departments/": expect(302, 403, 403, 403, 200, 404),
    "/setup/lianzhou/people/": expect(302, 403, 403, 403, 200, 404),
    "/setup/lianzhou/assignments/": expect(302, 403, 403, 403, 200, 404),
    "/setup/lianzhou/year/": expect(302, 403, 403, 403, 200, 404),
    "/setup/schools/new/": expect(302, 403, 403, 403, 403, 403, bureau=403),
    "/account/password/": expect(302, 200, 200, 200, 200, 200, bureau=200),
    # The second school (qingyuan): nothing of it reaches the demo school's people.
    "/setup/qingyuan/": expect(302, 404, 404, 404, 404, 403),
    "/setup/qingyuan/people/": expect(302, 404, 404, 404, 404, 403),
    "/figures/qingyuan/2025/": expect(302, 404, 404, 404, 404, 200),
    "/figures/qingyuan/2025/findings/": expect(302, 404, 404, 404, 404, 200),
    "/figures/qingyuan/2025/d/zhaosheng/": expect(302, 404, 404, 404, 404, 200),
    "/report/qingyuan/2025/": expect(302, 404, 404, 404, 404, 200),
    "/report/qingyuan/2025/preview/": expect(302, 404, 404, 404, 404, 200),
    # 锁定与发布: every member reads the editions; lock/unlock are POST-only (405 on GET) and
    # refused to all but the committee (tests/publication). Editions: none in the demo → 404.
    "/publication/lianzhou/2025/": expect(302, 200, 200, 200, 200, 404),
    "/publication/lianzhou/2025/lock/": expect(302, 405, 405, 405, 405, 405, bureau=405),
    "/publication/lianzhou/2025/unlock/": expect(302, 405, 405, 405, 405, 405, bureau=405),
    "/publication/lianzhou/2025/editions/1/pdf/": expect(302, 404, 404, 404, 404, 404),
    "/report/lianzhou/2025/create-outline/": expect(302, 405, 405, 405, 405, 405, bureau=405),
    # Review (reporting/review): the committee's 工作台; items, their history and the activity
    # log are readable by every user of the school.
    "/review/lianzhou/2025/": expect(302, 403, 403, 200, 403, 404),
    "/review/lianzhou/2025/items/": expect(302, 200, 200, 200, 200, 404),
    "/review/lianzhou/2025/activity/": expect(302, 200, 200, 200, 200, 404),
    "/review/lianzhou/2025/items/figures/zhaosheng/": expect(302, 200, 200, 200, 200, 404),
    "/review/lianzhou/2025/items/figures/zhaosheng/history/": expect(302, 200, 200, 200, 200, 404),
    "/review/lianzhou/2025/items/data/funding/": expect(302, 200, 200, 200, 200, 404),
    "/review/lianzhou/2025/items/figures/nope/": expect(302, 404, 404, 404, 404, 404),
    "/review/lianzhou/2025/history/explanations/": expect(302, 200, 200, 200, 200, 404),
    "/review/lianzhou/2025/history/reported/zhaosheng/": expect(302, 200, 403, 200, 403, 404),
    # Regions (reporting/regions): the bureau of 清远市 reads its region and the regions below,
    # read-only; schools' people get 404 (not their business); another province is 404 to all.
    "/region/qingyuan-city/": expect(302, 404, 404, 404, 404, 404, bureau=200),
    "/region/lianzhou-city/": expect(302, 404, 404, 404, 404, 404, bureau=200),
    "/region/guangdong/": expect(302, 404, 404, 404, 404, 404, bureau=404),
    "/region/qingyuan-city/2025/": expect(302, 404, 404, 404, 404, 404, bureau=200),
    "/region/qingyuan-city/2025/compare/": expect(302, 404, 404, 404, 404, 404, bureau=200),
    "/region/qingyuan-city/2025/compare/?drafts=1&sort=-students": expect(
        302, 404, 404, 404, 404, 404, bureau=200
    ),
    "/region/qingyuan-city/2025/compare.xlsx": expect(302, 404, 404, 404, 404, 404, bureau=200),
    "/region/qingyuan-city/99999999999/": expect(302, 404, 404, 404, 404, 404, bureau=404),
    "/region/nowhere/2025/": expect(302, 404, 404, 404, 404, 404, bureau=404),
    "/admin/reporting/region/": expect(302, 403, 403, 403, 403, 403, bureau=403),
}

# POSTs of the review steps: who may take them (302 back after the step, or with a message
# when the item's state refuses it; 403 the wrong role; 404 another school).
STEPS = {
    "/review/lianzhou/2025/items/figures/zhaosheng/submit/": expect(
        302, 302, 403, 403, 403, 404, staff=403, bureau=403
    ),
    "/review/lianzhou/2025/items/figures/zhaosheng/approve/": expect(
        302, 403, 403, 302, 403, 404, staff=403, bureau=403
    ),
    "/review/lianzhou/2025/items/figures/zhaosheng/return/": expect(
        302, 403, 403, 302, 403, 404, staff=403, bureau=403
    ),
    "/review/lianzhou/2025/items/figures/zhaosheng/comment/": expect(
        302, 302, 403, 302, 403, 404, bureau=403
    ),
    "/review/lianzhou/2025/approve/": expect(302, 403, 403, 302, 403, 404, staff=403, bureau=403),
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


@pytest.mark.parametrize("url", list(STEPS))
def test_review_steps_matrix(client, people, url):
    for role, expected in STEPS[url].items():
        client.logout()
        if people[role] is not None:
            client.force_login(people[role])
        response = client.post(url)
        assert response.status_code == expected, f"{role} POST {url}"
