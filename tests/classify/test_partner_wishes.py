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
