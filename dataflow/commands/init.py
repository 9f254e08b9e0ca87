"""``dataflow init [DIR]``: a commented ``dataflow.yaml``, a transfer manifest and the example
schema it points at, so that ``dataflow assess DIR/transfer.yaml`` works on the first try.

Existing files are never overwritten unless ``--force`` is given; without it, when any of them
exists, nothing is written at all.
"""

from __future__ import annotations

from pathlib import Path

import typer

from dataflow.commands._common import guarded
from dataflow.errors import UserError
from dataflow.i18n import t

CONFIG_NAME = "dataflow.yaml"
MANIFEST_NAME = "transfer.yaml"
SCHEMA_NAME = "schemas/shop_mysql.sql"

CONFIG_TEMPLATE = """\
# dataflow configuration. Command-line flags override these settings; `--config FILE` points at
# another file. Relative paths are resolved against this file's folder.
# dataflow 配置文件：命令行参数优先于此处设置；相对路径以本文件所在目录为基准。

# Your own catalogs (extra elements, keywords, grades), read after the shipped ones.
# 自定义目录（补充要素、关键词、级别），在内置目录之后加载。
catalogs: []

# Your own recognizers (patterns and validators for values), read after the shipped ones.
# 自定义识别器（取值的模式与校验），在内置识别器之后加载。
recognizers: []

# Your own rule packs (thresholds and steps of the decision, by date), beside the shipped ones.
# 自定义规则包（按生效日期的阈值与判定步骤），与内置规则包一同加载。
rule_packs: []

# Your own negative lists, used by `dataflow assess` (and by `dataflow scan`, where a hit
# makes the exit code 1).  自定义负面清单。
negative_lists: []

# `dataflow scan` exits 1 when a field is graded at or above this grade:
# general-1 | general-2 | general-3 | general-4 | important | core
# 字段级别达到该级别时 `dataflow scan` 以退出码 1 结束。
fail_on: general-4

# `dataflow assess` exits 1 when a transfer's risk is at or above this level (for CI):
# low | medium | high | critical | blocked.  Without it, only `blocked` fails.
# 传输风险达到该级别时 `dataflow assess` 以退出码 1 结束（适用于 CI）。
assess_fail_on: critical

# Files and folders never scanned (glob patterns).  不扫描的文件与目录（通配符）。
ignore_paths:
  - "build/**"
  - ".venv/**"

# Output language of tables and messages: en | zh.  表格与提示语言。
lang: en

# Distinct values sampled per column for content detection.  每列抽样的不同取值个数。
sample_size: 200

# Accepted findings of `dataflow check` (pre-commit).  已接受的发现（用于 pre-commit 检查）。
baseline: .dataflow-baseline.yaml

# Transfer ledger (SQLite) for cumulative counts since 1 January.
# 出境台账（SQLite），用于统计当年 1 月 1 日以来的累计人数。
ledger: dataflow-ledger.sqlite
"""

MANIFEST_TEMPLATE = """\
# An example transfer manifest: one planned outbound transfer. Edit it, then run
#   dataflow assess transfer.yaml
# 出境传输清单示例：填写后运行 `dataflow assess transfer.yaml`。
schema_version: 1
transfer:
  id: TX-2026-0001                 # your ticket id; stable across re-assessments
  date: 2026-12-01                 # planned date: the rules in force on that date apply
  exporter:
    name: Example (Shanghai) Co., Ltd.
    ciio: false                    # critical information infrastructure operator?
    state_organ: false
    ftz: null                      # free-trade zone of the exporter, e.g. tianjin, or null
  recipient:
    name: Example GmbH
    country: DE
    restricted_list: false
    judicial_or_law_enforcement: false
  purpose: customer support
  # none | contract_necessity | cross_border_hr | emergency | statutory_duty | trade_no_pi |
  # foreign_reexport
  scenario: none
  sector: retail
  datasets:
    - schema: schemas/shop_mysql.sql   # any schema file dataflow reads (init wrote an example)
      tables: [customers, orders]      # optional: only these tables
      # sample: samples/customers.csv  # optional sample data for content detection
      subjects: 50000                  # people whose data this transfer carries
      important_data: none             # none | candidate | confirmed
  prior_exports: {subjects: 0, sensitive_subjects: 0}   # since 1 January (or use the ledger)
  existing_approvals: []
"""


SCHEMA_TEMPLATE = """\
-- An example schema written by `dataflow init`: replace it with yours (any SQL dialect, JSON
-- Schema, Avro, dbt, CSV...) and point transfer.yaml at it.
-- `dataflow init` 生成的示例表结构：请替换为您自己的表结构，并在 transfer.yaml 中引用。
CREATE TABLE customers (
  id BIGINT NOT NULL COMMENT '客户ID',
  name VARCHAR(32) COMMENT '姓名',
  mobile VARCHAR(20) COMMENT '手机号码',
  email VARCHAR(64) COMMENT '电子邮箱',
  city VARCHAR(32) COMMENT '所在城市',
  PRIMARY KEY (id)
) COMMENT='客户';

CREATE TABLE orders (
  order_id BIGINT NOT NULL COMMENT '订单号',
  customer_id BIGINT NOT NULL COMMENT '客户ID',
  amount DECIMAL(10, 2) COMMENT '订单金额',
  delivery_address VARCHAR(255) COMMENT '收货地址',
  PRIMARY KEY (order_id)
) COMMENT='订单';
"""


@guarded
def init_command(
    directory: Path = typer.Argument(Path("."), help="Where to write the starter files."),
    force: bool = typer.Option(False, "--force", help="Overwrite existing files."),
    lang: str = typer.Option("en", "--lang", help="en | zh"),
) -> None:
    """Write a commented dataflow.yaml and an example transfer manifest."""
    targets = {
        directory / CONFIG_NAME: CONFIG_TEMPLATE,
        directory / MANIFEST_NAME: MANIFEST_TEMPLATE,
        directory / SCHEMA_NAME: SCHEMA_TEMPLATE,
    }
    existing = [str(p) for p in targets if p.exists()]
    if existing and not force:
        raise UserError(
            t("init.exists", lang, files=", ".join(existing), n=len(existing), dir=str(directory))
        )
    for path, text in targets.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write: {exc.strerror}", path=str(path)) from None
        typer.echo(t("init.written", lang, path=str(path)), err=True)
    typer.echo(
        t("init.next", lang, manifest=str(directory / MANIFEST_NAME), schema=SCHEMA_NAME), err=True
    )


def register(app: typer.Typer) -> None:
    """Add ``dataflow init``."""
    app.command("init")(init_command)
