"""SQL*Plus client commands in Oracle scripts (and sqlcmd's and the MySQL client's), which are
not SQL.

Scripts run with SQL*Plus (or written by PL/SQL Developer and Toad) hold client commands on
lines of their own: ``prompt Creating table T…``, ``set define off``, ``spool x.log``,
``whenever sqlerror exit``, ``rem …``. They need no ``;``, so the statement splitter would
glue them to the CREATE TABLE that follows and the whole table would be lost. A command line
that starts a statement (only blanks and comments since the previous ``;``, ``/`` or ``GO``)
is blanked here with spaces of the same length, so statements keep their offsets and lines.
A line with the same first word inside a statement (a column named ``prompt``, an UPDATE's
``SET``) is left alone.
"""

from __future__ import annotations

import functools
import re

from dataflow.readers.sql.statements import skip_quoted

# The client commands (SQL*Plus accepts the abbreviations too); ``SET`` only with the
# options of the client, so that MySQL's ``SET NAMES …`` and the like stay statements.
_COMMAND = (
    r"(?:pro(?:mpt)?|rem(?:ark)?|spo(?:ol)?|whenever\s+(?:sqlerror|oserror)"
    r"|set\s+(?:def(?:ine)?|echo|feed(?:back)?|serverout(?:put)?|head(?:ing)?|pages(?:ize)?"
    r"|lin(?:esize)?|term(?:out)?|ver(?:ify)?|timi(?:ng)?|sqlbl(?:anklines)?|scan|trims(?:pool)?"
    r"|long|escape|verify|autocommit|appinfo|arraysize|colsep|concat|numwidth|sqlprompt|tab"
    r"|wrap|newpage|null|trim(?:out)?)"
    r"|undef(?:ine)?|acc(?:ept)?|pau(?:se)?|conn(?:ect)?|disc(?:onnect)?|exit|quit"
    r"|col(?:umn)?\s+\w+\s+(?:format|heading|new_value|noprint)|@@?\S*"
    # SQL Server's sqlcmd (``:setvar Db x``, ``:r .\\Tables\\users.sql``, ``:on error exit``)
    # and the MySQL client's ``source load_users.dump`` / ``\\. file``
    r"|:(?:setvar|r|on\s+error|connect|out|error|exit|quit|listvar|reset)|source|\\\.)"
)


@functools.cache
def _scan() -> re.Pattern[str]:
    """Comments and quotes (skipped), statement ends, and a client command line."""
    return re.compile(
        r"--|/\*|['\"`\[$;]|^[ \t]*(?:GO|/)[ \t\r]*$"
        r"|^[ \t]*(?P<command>" + _COMMAND + r")(?=[ \t\r]|$)[^\n]*",
        re.MULTILINE | re.IGNORECASE,
    )


@functools.cache
def _any_command() -> re.Pattern[str]:
    return re.compile(r"^[ \t]*" + _COMMAND + r"(?=[ \t\r]|$)", re.MULTILINE | re.IGNORECASE)


def blank_client_commands(text: str) -> str:
    """``text`` with the SQL*Plus command lines that start a statement blanked."""
    if _any_command().search(text) is None:
        return text
    out: list[str] = []
    done = i = 0
    at_start = True  # only blanks and comments since the last statement end
    n = len(text)
    while i < n:
        m = _scan().search(text, i)
        if m is None:
            break
        j = m.start()
        if text[i:j].strip():
            at_start = False
        tok = m.group()
        if m.group("command") is not None:
            # sqlcmd reads its ':' commands line by line, also between statements that no ';'
            # ends (T-SQL needs none)
            if at_start or m.group("command").startswith(":"):
                out.append(text[done:j])
                out.append(re.sub(r"[^\r]", " ", tok))
                done = i = m.end()
            else:
                i = m.start("command") + 1
            continue
        if tok == ";" or tok.strip().upper() in ("GO", "/"):
            at_start = True
            i = m.end()
        elif tok in ("--", "/*"):
            i = skip_quoted(text, j, tok)
        else:
            at_start = False
            i = skip_quoted(text, j, tok)
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)
