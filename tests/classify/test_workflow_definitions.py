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


FLOWS = """
CREATE TABLE `g_wf_flow` (
  `id` int UNSIGNED NOT NULL AUTO_INCREMENT,
  `type` varchar(255) NULL DEFAULT NULL COMMENT '流程类别',
  `flow_name` varchar(255) NOT NULL DEFAULT '' COMMENT '流程名称',
  `flow_desc` varchar(255) NOT NULL DEFAULT '' COMMENT '描述',
  `uid` int NULL DEFAULT NULL COMMENT '添加用户',
  `add_time` int NULL DEFAULT NULL COMMENT '添加时间',
  `field_value` int NULL DEFAULT 0 COMMENT '字段值',
  PRIMARY KEY (`id`)
) ENGINE = InnoDB COMMENT = '流程 - 工作流表';
CREATE TABLE `g_wf_flow_process` (
  `id` int NOT NULL AUTO_INCREMENT,
  `flow_id` int UNSIGNED NOT NULL DEFAULT 0 COMMENT '流程ID',
  `process_name` varchar(255) NOT NULL DEFAULT '步骤' COMMENT '步骤名称',
  `process_to` varchar(255) NOT NULL DEFAULT '' COMMENT '转交下一步骤',
  `setleft` smallint UNSIGNED NOT NULL DEFAULT 100 COMMENT '左 坐标',
  `work_val` varchar(255) NULL DEFAULT NULL COMMENT '事务值',
  PRIMARY KEY (`id`)
) ENGINE = InnoDB COMMENT = '流程 - 步骤表';
CREATE TABLE `g_wf_run_process` (
  `id` int UNSIGNED NOT NULL AUTO_INCREMENT,
  `uid` int UNSIGNED NOT NULL DEFAULT 0,
  `run_id` int UNSIGNED NOT NULL DEFAULT 0 COMMENT '当前流转id',
  `run_flow` int UNSIGNED NOT NULL DEFAULT 0 COMMENT '属于那个流程的id',
  `run_flow_process` smallint UNSIGNED NOT NULL DEFAULT 0 COMMENT '当前步骤编号',
  `from_table` varchar(255) NULL DEFAULT NULL COMMENT '单据表，不带前缀',
  `remark` text NULL COMMENT '备注',
  `wf_mode` int NULL DEFAULT NULL,
  `bl_time` int UNSIGNED NOT NULL DEFAULT 0 COMMENT '办理时间',
  `uptime` int UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`)
) ENGINE = InnoDB COMMENT = '流程 - 运行步骤表';
"""


def test_flows_and_their_steps_are_the_engines_whoever_added_them(tmp_path: Path) -> None:
    """`g_wf_flow` (a flow with the user who added it) and its steps `g_wf_flow_process` are the
    engine's configuration; the adding user stays found by its own name."""
    results = _scan(tmp_path, {"wf.sql": FLOWS})
    for table in ("g_wf_flow", "g_wf_flow_process"):
        assert results[table].subject.kind == "system", table
    flow = results["g_wf_flow"]
    for column in ("type", "flow_name", "flow_desc", "add_time", "field_value"):
        assert not _finding(flow, column).personal, column
    assert _finding(flow, "uid").personal
    steps = results["g_wf_flow_process"]
    for column in ("process_name", "process_to", "setleft", "work_val"):
        assert not _finding(steps, column).personal, column


def test_a_runs_engine_columns_are_not_its_handlers(tmp_path: Path) -> None:
    """On a run's step (person-linked by its handler `uid`) the handler's remark and handling
    time are theirs; the flow and step the run is at, the engine's mode, the source table and
    the update time are the engine's."""
    results = _scan(tmp_path, {"wf.sql": FLOWS})
    run = results["g_wf_run_process"]
    assert run.subject.kind == "person_linked"
    for column in ("uid", "remark", "bl_time"):
        assert _finding(run, column).personal, column
    for column in ("run_flow", "run_flow_process", "wf_mode", "from_table", "uptime"):
        assert not _finding(run, column).personal, column
