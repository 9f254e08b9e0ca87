"""Export monitoring messages (``ledger status`` and the early warnings of ``assess``)."""

from __future__ import annotations

from collections.abc import Mapping

from dataflow.model import Text

# Export monitoring (``ledger status``, the early warnings and the unknown-prior notice of
# ``assess``): a table of its own. ``{placeholders}`` are filled by ``monitor_text``; a value
# given as a ``Text`` is taken in the language being filled.
MONITOR: Mapping[str, Text] = {
    "method": Text(
        "linear: the cumulative count since the window start divided by the days elapsed, "
        "extended at that daily rate until the threshold; none without a count",
        "线性：以计数窗口起始日至今的累计人数除以已过天数作为日均速率，按此速率推算达到阈值的日期；"
        "无累计人数时不推算",
    ),
    "people.subjects": Text("people", "人"),
    "people.sensitive_subjects": Text("people with sensitive PI", "人（敏感个人信息）"),
    "measure.subjects": Text("people", "个人信息人数"),
    "measure.sensitive_subjects": Text("people with sensitive PI", "敏感个人信息人数"),
    "light.green": Text("green", "绿"),
    "light.yellow": Text("yellow", "黄"),
    "light.red": Text("red", "红"),
    "early_warning": Text(
        "Early warning: {left} {people} left before {mechanism} is needed ({count} of {gte} "
        "since {start}, this transfer included: {pct}; warning level {warn}){apart}.",
        "出境预警：距须{mechanism}尚余 {left} {people}（自{start}起含本次累计 {count} 人，"
        "阈值 {gte} 人，已达 {pct}；预警线 {warn}）{apart}。",
    ),
    "apart": Text(
        "; people with sensitive PI are left out of this total "
        "(sensitive_subjects_count_toward_all: false)",
        "；出境敏感个人信息的个人未计入该总数（sensitive_subjects_count_toward_all: false）",
    ),
    "no_prior": Text(
        "No prior exports known: counted as 0; give prior_exports in the manifest or a ledger "
        "(--ledger) with this exporter's earlier transfers.",
        "未知此前出境情况：按 0 人计；请在清单中填写 prior_exports，或提供记录该处理者此前出境的"
        "台账（--ledger）。",
    ),
    "no_prior.near": Text(
        "{notice} The ledger has no entry of this exporter; similar names in it: {names}.",
        "{notice}台账中没有该处理者的记录；名称相近的有：{names}。",
    ),
    "status.title": Text(
        "Ledger status on {as_of}: rule pack {pack}, counted since {start}, warning at {warn} "
        "of a threshold{exempt}{apart}",
        "出境台账状态（{as_of}）：规则包 {pack}，自{start}起累计，达到阈值的 {warn} 即预警{exempt}"
        "{apart}",
    ),
    "status.exempt": Text("; volumes of exempt scenarios counted", "；豁免情形下的出境人数计入"),
    "status.projection": Text("Projection: {method}", "推算方法：{method}"),
    "status.none": Text("no exporter in the ledger", "台账中没有出境记录"),
    "status.next": Text(
        "{exporter}: {transfers} transfer(s), {void} void left out; light {light}; by volume so "
        "far the next transfer needs {mechanism}",
        "{exporter}：{transfers} 笔出境，另有作废 {void} 笔不计；状态 {light}；按目前累计人数，"
        "下一次出境须{mechanism}",
    ),
    "status.crossed": Text("crossed {day}", "已于{day}达到"),
    "status.projected": Text("projected {day}", "预计{day}"),
    "status.col.exporter": Text("exporter", "处理者"),
    "status.col.measure": Text("count of", "计数"),
    "status.col.count": Text("count", "人数"),
    "status.col.threshold": Text("threshold", "阈值"),
    "status.col.mechanism": Text("mechanism at threshold", "达到阈值须"),
    "status.col.percent": Text("used", "已用"),
    "status.col.light": Text("light", "状态"),
    "status.col.headroom": Text("headroom", "余量"),
    "status.col.crossing": Text("crossing", "越线日期"),
    "status.notice": Text("note: {text}", "提示：{text}"),
    "status.no_ledger": Text(
        "no ledger file at {path}: nothing recorded, every count is 0 (give --ledger "
        "or 'ledger:' in the configuration)",
        "{path} 处没有台账文件：无任何记录，各项人数均为 0（请用 --ledger 或配置项 ledger: 指定）",
    ),
}


def monitor_text(key: str, lang: str = "en", **values: object) -> str:
    """The monitoring message ``key`` in ``lang``; a ``Text`` value is taken in ``lang``."""
    filled = {k: v.get(lang) if isinstance(v, Text) else v for k, v in values.items()}
    return MONITOR[key].fill(lang, **filled)


def monitor_message(key: str, **values: object) -> Text:
    """The monitoring message ``key`` filled in both languages."""
    return Text(en=monitor_text(key, "en", **values), zh=monitor_text(key, "zh", **values))
