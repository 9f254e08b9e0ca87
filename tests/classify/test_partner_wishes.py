"""What a person looks for in a partner is their wish, not their own body or income."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

DATING = """
CREATE TABLE user(
    id INT UNSIGNED PRIMARY KEY AUTO_INCREMENT,
    name CHAR(8) NOT NULL DEFAULT '' COMMENT '姓名',
    height TINYINT UNSIGNED NOT NULL COMMENT '身高:单位cm,最大255',
    income INT UNSIGNED NOT NULL DEFAULT 3000 COMMENT '月收入',
    for_sex TINYINT UNSIGNED NOT NULL COMMENT '择偶标准-性取向:0-不限,1-男,2-女',
    min_age TINYINT UNSIGNED NOT NULL DEFAULT 0 COMMENT '择偶标准-最小年龄,0为不限',
    min_height TINYINT UNSIGNED NOT NULL DEFAULT 0 COMMENT '择偶标准-最低身高,0为不限',
    max_income INT UNSIGNED NOT NULL DEFAULT 0 COMMENT '择偶标准-最高收入,0为不限',
    phone CHAR(11) NOT NULL UNIQUE KEY COMMENT '手机号'
);
"""


def test_partner_criteria_are_the_persons_wishes(tmp_path: Path) -> None:
    """择偶标准 (partner criteria) on a member's row: the lowest height and highest income they
    accept are information about them, but not their own physiology or income; their own
    income stays sensitive, and the sex they look for still says their orientation."""
    user = _scan(tmp_path, {"love.sql": DATING})["user"]
    for column in ("min_age", "min_height", "max_income"):
        finding = _finding(user, column)
        assert finding.personal and not finding.sensitive, column
    assert _finding(user, "income").sensitive
    assert _finding(user, "for_sex").sensitive


# A dating site's table of what each member asks of a partner (from a public matchmaking
# schema, shortened): the comments say 要求 on some columns only.
REQUEST = """
create table f_user_request
(
   user_id              int unsigned not null comment '用户编号',
   height               varchar(20) comment '身高要求',
   age                  varchar(50) comment '年龄要求',
   income_monthly       varchar(50) comment '月收入',
   drink_status         varchar(50) comment '饮酒情况',
   primary key (user_id)
);
create table f_user_account
(
   user_id              int unsigned not null comment '用户编号',
   user_name            varchar(50) comment '姓名',
   height               varchar(20) comment '身高',
   income_monthly       varchar(50) comment '月收入',
   primary key (user_id)
);
"""


def test_a_row_of_requirements_is_the_persons_wish(tmp_path: Path) -> None:
    """身高要求 and 年龄要求 make the row a list of what the member asks of a partner: the
    height, the monthly income and the drinking there are the partner sought, not the member's
    own body or income: personal, not sensitive. The member's own row keeps its sensitivity."""
    found = _scan(tmp_path, {"friends.sql": REQUEST})
    request = found["f_user_request"]
    for column in ("height", "income_monthly", "drink_status"):
        finding = _finding(request, column)
        assert finding.personal and not finding.sensitive, column
    assert _finding(found["f_user_account"], "income_monthly").sensitive


def test_one_requirement_is_a_wish_only_for_its_own_column(tmp_path: Path) -> None:
    """A single 身高要求 is that column's wish; the row's other columns stay the person's own,
    and a care requirement (护理要求) is not read as a wish."""
    ddl = """
    CREATE TABLE member_profile (member_id int PRIMARY KEY COMMENT '会员编号',
      height varchar(20) COMMENT '身高要求', weight varchar(20) COMMENT '体重',
      income varchar(50) COMMENT '月收入');
    CREATE TABLE care_plan (patient_id int PRIMARY KEY COMMENT '患者编号',
      nursing_requirement varchar(255) COMMENT '护理要求', diagnosis varchar(255) COMMENT '诊断');
    """
    found = _scan(tmp_path, {"profile.sql": ddl})
    profile = found["member_profile"]
    assert not _finding(profile, "height").sensitive
    assert _finding(profile, "weight").sensitive
    assert _finding(profile, "income").sensitive
    assert _finding(found["care_plan"], "diagnosis").sensitive
