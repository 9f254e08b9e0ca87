"""The page of the HTML report (``report/html.py``): its sentences, escaping, table and
section markup, inline style and script with their Content-Security-Policy, and the header."""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable, Mapping, Sequence

from dataflow.i18n import reports as i18n_reports
from dataflow.model import (
    ScanResult,
    Text,
)

# The Markdown report's sentences and headings, with this format's own on top.
MSG: Mapping[str, Text] = {**i18n_reports.MARKDOWN, **i18n_reports.HTML}


def say(key: str, lang: str, **values: object) -> str:
    return MSG[key].fill(lang, **values)


def e(text: object) -> str:
    """``text`` escaped for HTML text and attribute values (quotes included)."""
    return html.escape("" if text is None else str(text), quote=True)


def tag_html(name: str, body: str, cls: str | None = None, **attrs: str) -> str:
    parts = [name]
    if cls:
        parts.append(f'class="{e(cls)}"')
    parts.extend(f'{k.rstrip("_").replace("_", "-")}="{e(v)}"' for k, v in attrs.items())
    return f"<{' '.join(parts)}>{body}</{name}>"


def table_html(header: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    cls_attr = f' class="{cls}"' if cls else ""
    return f"<table{cls_attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def section_html(sid: str, title: str, body: str) -> str:
    return f'<section id="{sid}"><h2>{e(title)}</h2>{body}</section>'


def num_text(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


# --------------------------------------------------------------------------------------------
# Page
# --------------------------------------------------------------------------------------------

_CSS = """
:root{--ink:#1d2329;--mute:#5b6670;--line:#d5dbe1;--bg:#f6f8fa;--accent:#0b5cad}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",
"Microsoft YaHei",sans-serif;color:var(--ink);margin:0 auto;max-width:1180px;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;border-bottom:2px solid var(--line);
padding-bottom:4px;margin:28px 0 12px}h3{font-size:1.05em;margin:16px 0 8px}
.meta{color:var(--mute);font-size:.9em;margin:0 0 8px}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:8px 0}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
thead th{background:var(--bg)}th.sortable{cursor:pointer}th.sortable::after{content:" \\21C5";
color:var(--mute)}code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
background:var(--bg);padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:10px 0;
break-inside:avoid}.card h3{margin-top:0}
.badge{display:inline-block;border-radius:12px;padding:2px 10px;font-weight:600;
font-size:.9em;color:#fff;margin-right:6px}
.m-blocked,.m-prohibited{background:#7a0d0d}.m-security_assessment{background:#c0392b}
.m-standard_contract_or_certification{background:#d68910}.m-exempt{background:#1e8449}
.m-not_applicable{background:#5d6d7e}.m-covered{background:#2471a3}
.r-blocked{background:#4a0000}.r-critical{background:#a93226}.r-high{background:#ca6f1e}
.r-medium{background:#b7950b}.r-low{background:#229954}
.facts{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:2px 12px;
margin:8px 0;font-size:.9em}@media (max-width:700px){.facts{grid-template-columns:max-content 1fr}}
.facts dt{color:var(--mute)}.facts dd{margin:0}
ul.check{list-style:none;padding-left:0}ul.check li{margin:4px 0}
.cite{color:var(--mute);font-size:.85em}.note{color:var(--mute);font-size:.9em}
.matrix td.c{text-align:center}.matrix td.s{background:#fdecea;color:#a93226;font-weight:700}
.matrix td.p{background:#eaf2fb;color:var(--accent)}
.matrix th.v{writing-mode:vertical-rl;white-space:nowrap;font-weight:500}
svg{max-width:100%;height:auto}svg text{font-family:inherit}
.controls{margin:8px 0}.controls input{font:inherit;padding:4px 8px;width:min(420px,100%)}
tr.hide{display:none}
@media print{body{max-width:none;padding:0;font-size:11px}.controls,.sort-hint{display:none}
th.sortable::after{content:""}section,table,.card{break-inside:auto}tr,.card,svg{
break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit}}
"""

_JS = """
(function(){
var t=document.getElementById("findings-table");if(!t)return;
var b=t.tBodies[0],q=document.getElementById("findings-filter");
q.addEventListener("input",function(){var v=q.value.toLowerCase();
Array.prototype.forEach.call(b.rows,function(r){
r.classList.toggle("hide",v!==""&&r.textContent.toLowerCase().indexOf(v)<0);});});
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(h,i){
h.classList.add("sortable");h.addEventListener("click",function(){
var d=h.getAttribute("data-dir")==="asc"?-1:1;h.setAttribute("data-dir",d>0?"asc":"desc");
var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){
var a=x.cells[i].getAttribute("data-k")||x.cells[i].textContent,
c=y.cells[i].getAttribute("data-k")||y.cells[i].textContent,n=parseFloat(a)-parseFloat(c);
return d*(isNaN(n)?a.localeCompare(c):n);});
rows.forEach(function(r){b.appendChild(r);});});});
})();
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


_CSP = (
    f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def page_html(title: str, lang: str, body: Sequence[str]) -> str:
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="dataflow">\n<title>{e(title)}</title>\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + f"\n<script>{_JS}</script>\n</body>\n</html>\n"
    )


def header_html(title: str, scan: ScanResult, lang: str) -> str:
    from dataflow import __version__

    meta = say("meta", lang, catalog=scan.catalog_version or "-", version=__version__)
    return f'<header><h1>{e(title)}</h1><p class="meta">{e(meta)}</p></header>'
