"""A workflow engine's process definitions (`flow_definition`, `flow_node`, `flow_skip`) are
configuration: a node's coordinate on the process diagram is no one's location; the history of
tasks stays what it was."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

ENGINE = """
CREATE TABLE `flow_node` (
    `id` bigint NOT NULL COMMENT '主键id',
    `node_type` tinyint(1) NOT NULL COMMENT '节点类型（0开始节点 1中间节点 2结束节点）',
    `definition_id` bigint NOT NULL COMMENT '流程定义id',
    `node_code` varchar(100) NOT NULL COMMENT '流程节点编码',
    `node_name` varchar(100) DEFAULT NULL COMMENT '流程节点名称',
    `coordinate` varchar(100) DEFAULT NULL COMMENT '坐标',
    PRIMARY KEY (`id`)
) ENGINE = InnoDB COMMENT ='流程节点表';
CREATE TABLE `flow_skip` (
    `id` bigint NOT NULL COMMENT '主键id',
    `definition_id` bigint NOT NULL COMMENT '流程定义id',
    `now_node_code` varchar(100) NOT NULL COMMENT '当前流程节点的编码',
    `next_node_code` varchar(100) NOT NULL COMMENT '下一个流程节点的编码',
    `coordinate` varchar(100) DEFAULT NULL COMMENT '坐标',
    PRIMARY KEY (`id`)
) ENGINE = InnoDB COMMENT ='节点跳转关联表';
"""


def test_process_definitions_are_configuration(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"flow.sql": ENGINE})
    for table in ("flow_node", "flow_skip"):
        assert results[table].subject.kind == "system", table
        assert not _finding(results[table], "coordinate").personal, table


def test_request_parameters_keep_the_callers_position(tmp_path: Path) -> None:
    """An API's request parameters (a schema document named `parameters`, read as configuration)
    still carry the caller's position."""
    import json

    api = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "GET /estimates/time parameters",
        "type": "object",
        "properties": {
            "start_latitude": {"type": "number", "description": "Latitude of the start"},
            "start_longitude": {"type": "number", "description": "Longitude of the start"},
        },
    }
    results = _scan(tmp_path, {"time.schema.json": json.dumps(api)})
    params = next(iter(results.values()))
    assert _finding(params, "start_latitude").personal
