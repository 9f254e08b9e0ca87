"""A table of members following members (`MEMBER_FOLLOWING` with two keys of `MEMBER`) is the
members' friend list (GB/T 35273-2020 Annex B: 好友列表, sensitive): both parties and when one
began following the other. A member's follows of products stay their behaviour."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

#: From a Japanese example schema of a members' shop (MySQL), comments shortened.
SCHEMA = """
CREATE TABLE MEMBER (MEMBER_ID INT NOT NULL, MEMBER_NAME VARCHAR(200) NOT NULL COMMENT '会員名称',
  PRIMARY KEY (MEMBER_ID));
CREATE TABLE MEMBER_FOLLOWING
(
    MEMBER_FOLLOWING_ID BIGINT AUTO_INCREMENT NOT NULL COMMENT '会員フォローイングID',
    MY_MEMBER_ID INT NOT NULL COMMENT 'わたし : 気になった人がいて...ふと思い立った人',
    YOUR_MEMBER_ID INT NOT NULL COMMENT 'あなた : いきなりのアクションであなたは...',
    FOLLOW_DATETIME DATETIME NOT NULL COMMENT 'その瞬間 : ふりかえるとちょっと恥ずかしい気持ちになる',
    PRIMARY KEY (MEMBER_FOLLOWING_ID),
    FOREIGN KEY (MY_MEMBER_ID) REFERENCES MEMBER (MEMBER_ID),
    FOREIGN KEY (YOUR_MEMBER_ID) REFERENCES MEMBER (MEMBER_ID)
);
"""


def test_members_following_members_are_their_friend_list(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"schema.sql": SCHEMA})["MEMBER_FOLLOWING"].findings
    by_name = {f.field.name: f for f in found}
    for column in ("MY_MEMBER_ID", "YOUR_MEMBER_ID", "FOLLOW_DATETIME"):
        assert by_name[column].sensitive, column
    assert by_name["FOLLOW_DATETIME"].element == "pi.contacts.friends"
