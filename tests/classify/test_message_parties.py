"""A chat message's sender and recipient keys (`from_id`, `to_id`) and its send time (`created`)
are the communication record (GB/T 35273-2020 Annex B), sensitive like its content."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

CHAT = """
CREATE TABLE `im_message_send` (
  `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
  `msg_id` bigint(20) NOT NULL COMMENT '服务端消息ID',
  `from_id` bigint(20) NOT NULL,
  `to_id` bigint(20) NOT NULL,
  `msg_content` varchar(2048) NOT NULL,
  `created` int(11) NOT NULL,
  `updated` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE `shop_product` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `from_id` int(11) NOT NULL COMMENT '来源ID',
  `title` varchar(100) NOT NULL,
  `created` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
"""


def test_a_messages_parties_and_send_time_are_its_record(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"chat.sql": CHAT})
    message = results["im_message_send"]
    for column in ("from_id", "to_id", "created", "msg_content"):
        finding = _finding(message, column)
        assert finding.personal and finding.sensitive, column
    assert not _finding(message, "updated").sensitive


def test_a_things_source_and_creation_stay_bookkeeping(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"chat.sql": CHAT})
    product = results["shop_product"]
    for column in ("from_id", "created"):
        assert not _finding(product, column).personal, column
