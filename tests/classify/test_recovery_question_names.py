"""On a member's security record that keeps the login password, a question, a hint or an
answer named with a word before it (`REMINDER_QUESTION`, `REMINDER_ANSWER`, `PASSWORD_HINT`) is
the password-recovery question and its answer: authentication information (GB/T 35273-2020
Annex B: 鉴别信息), sensitive."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

#: From a Japanese example schema of a members' shop (MySQL), comments shortened.
SCHEMA = """
CREATE TABLE MEMBER (MEMBER_ID INT NOT NULL, MEMBER_NAME VARCHAR(200) NOT NULL COMMENT '会員名称',
  PRIMARY KEY (MEMBER_ID));
CREATE TABLE MEMBER_SECURITY
(
    MEMBER_ID INT NOT NULL COMMENT '会員ID',
    LOGIN_PASSWORD VARCHAR(100) NOT NULL COMMENT 'ログインパスワード',
    REMINDER_QUESTION VARCHAR(50) NOT NULL COMMENT 'リマインダ質問 : パスワードを忘れた際の質問の内容。',
    REMINDER_ANSWER VARCHAR(50) NOT NULL COMMENT 'リマインダ回答 : パスワードを忘れた際の質問の答え。',
    PASSWORD_HINT VARCHAR(100) NULL,
    PRIMARY KEY (MEMBER_ID),
    FOREIGN KEY (MEMBER_ID) REFERENCES MEMBER (MEMBER_ID)
);
"""


def test_named_recovery_questions_beside_a_password_are_authentication_data(
    tmp_path: Path,
) -> None:
    found = scan_files(tmp_path, {"schema.sql": SCHEMA})["MEMBER_SECURITY"].findings
    by_name = {f.field.name: f for f in found}
    for column in ("REMINDER_QUESTION", "REMINDER_ANSWER", "PASSWORD_HINT"):
        assert by_name[column].element == "pi.credential.security_answer", column
        assert by_name[column].sensitive, column
