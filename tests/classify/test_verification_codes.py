"""A one-time verification code kept on a person's row is a dynamic password that
authenticates them: authentication information, sensitive PI."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

CODES = """
CREATE TABLE t_user (id int PRIMARY KEY, username varchar(50) COMMENT '用户名',
  phone varchar(20) COMMENT '手机号', vcode varchar(6) COMMENT '短信验证码');
"""


def test_a_verification_code_is_sensitive(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": CODES})
    user = {f.field.name: f for f in by_name["t_user"].findings}
    assert user["vcode"].element == "pi.credential.verification_code"
    assert user["vcode"].personal and user["vcode"].sensitive
    assert not user["phone"].sensitive
