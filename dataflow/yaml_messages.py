"""Sentences of the YAML toolkit and the loaders that use it, in both languages.

Every problem a loader reports about a catalog, recognizer file, rule pack, negative list,
manifest, configuration or baseline is one of these (through ``i18n.msg``): JSON and SARIF keep
the English, stderr and the reports show the Chinese under ``--lang zh``. ``{placeholders}``
hold key names, ids, positions and counts, never scanned data.
"""

from __future__ import annotations

from collections.abc import Mapping

from dataflow.model import Text

YAML_PROBLEMS: Mapping[str, Text] = {
    # types of YAML values, as ``type_name`` gives them
    "y.t.null": Text("nothing (null)", "空值（null）"),
    "y.t.bool": Text("a boolean", "布尔值"),
    "y.t.int": Text("an integer", "整数"),
    "y.t.float": Text("a number", "数字"),
    "y.t.str": Text("a string", "字符串"),
    "y.t.date": Text("a date", "日期"),
    "y.t.map": Text("a mapping", "映射"),
    "y.t.list": Text("a list", "列表"),
    # the toolkit's own checks
    "y.expected_mapping": Text("expected a mapping, got {got}", "应为映射，实际为{got}"),
    "y.expected_list": Text("expected a list, got {got}", "应为列表，实际为{got}"),
    "y.unknown_key": Text(
        "unknown key {name!r} (allowed: {allowed})", "未知的键 {name!r}（允许：{allowed}）"
    ),
    "y.missing_key": Text("missing required key {name!r}", "缺少必填键 {name!r}"),
    "y.expected_string": Text(
        "expected a non-empty string, got {got}", "应为非空字符串，实际为{got}"
    ),
    "y.yaml_boolean": Text(
        "expected a non-empty string, got a boolean; YAML reads unquoted yes/no/on/off/true/false "
        '(e.g. the country code NO) as a boolean: quote it ("NO")',
        "应为非空字符串，实际为布尔值；YAML 会把未加引号的 yes/no/on/off/true/false"
        '（例如国家代码 NO）读作布尔值，请加引号（"NO"）',
    ),
    "y.not_one_of": Text("{got} is not one of: {allowed}", "{got} 不在允许的取值之内：{allowed}"),
    "y.expected_int_min": Text(
        "expected an integer >= {minimum}, got {got}", "应为不小于 {minimum} 的整数，实际为{got}"
    ),
    "y.negative": Text("must not be negative (got {got})", "不能为负数（实际为 {got}）"),
    "y.at_least": Text(
        "must be at least {minimum} (got {got})", "至少应为 {minimum}（实际为 {got}）"
    ),
    "y.at_most": Text(
        "must be at most {maximum} (got a number of {digits} digits)",
        "不能超过 {maximum}（实际为 {digits} 位数）",
    ),
    "y.expected_bool": Text("expected true or false, got {got}", "应为 true 或 false，实际为{got}"),
    "y.expected_date": Text(
        "expected a date YYYY-MM-DD, got {got}", "应为 YYYY-MM-DD 格式的日期，实际为{got}"
    ),
    "y.not_calendar_date": Text(
        "{value!r} is not a calendar date (expected YYYY-MM-DD)",
        "{value!r} 不是有效的日历日期（应为 YYYY-MM-DD）",
    ),
    "y.text_expected": Text(
        "expected a string or a mapping with 'en' and/or 'zh', got {got}",
        "应为字符串，或含 en 和/或 zh 的映射，实际为{got}",
    ),
    "y.text_empty": Text("must not be empty", "不能为空"),
    "y.text_one_of": Text("expected 'en' and/or 'zh'", "应至少有 en 或 zh 之一"),
    "y.before_from": Text("is before effective_from", "早于 effective_from"),
    "y.schema_version": Text(
        "unsupported schema_version; this dataflow reads {version}",
        "不支持的 schema_version；此版本的 dataflow 读取 {version}",
    ),
    "y.duplicates": Text("contains duplicates", "包含重复项"),
    "y.expected_list_of": Text(
        "expected a non-empty list of {what}, got {got}", "应为非空的{what}列表，实际为{got}"
    ),
    "y.expected_item": Text("expected {what}, got {got}", "应为{what}，实际为{got}"),
    "y.count": Text("expected a whole number ≥ 0, got {got}", "应为不小于 0 的整数，实际为{got}"),
    # rule packs
    "r.citation_strings": Text(
        "instrument and article must be strings", "instrument 和 article 必须是字符串"
    ),
    "r.pack_id": Text("expected a pack id", "应为规则包 id"),
    "r.duplicate_obligation": Text("duplicate obligation id {id!r}", "义务 id {id!r} 重复"),
    "r.unknown_condition": Text(
        "unknown condition {condition} (allowed: {allowed})",
        "未知的条件 {condition}（允许：{allowed}）",
    ),
    "r.cycle": Text("inheritance cycle through {id}", "继承关系经由 {id} 形成循环"),
    "r.unknown_pack": Text("unknown rule pack {id}", "未知的规则包 {id}"),
    "r.missing_steps": Text("missing steps: {steps}", "缺少决策步骤：{steps}"),
    "r.none_in_force": Text(
        "no rule pack is in force on {on}; packs (in force from): {packs}",
        "{on} 没有生效的规则包；已加载的规则包（生效日）：{packs}",
    ),
    # transfer manifests
    "m.one_transfer_key": Text(
        "expected exactly one of 'transfer' or 'transfers'", "应有且只有 transfer 或 transfers 之一"
    ),
    "m.empty_list": Text("the list is empty", "列表为空"),
    "m.duplicate_transfer": Text("duplicate transfer id {id!r}", "传输 id {id!r} 重复"),
    # legal texts (catalogs/legal_texts.yaml)
    "l.text_both": Text("expected a mapping with en and zh", "应为含 en 和 zh 的映射"),
    "l.duplicate_id": Text("id {id!r} is used twice", "id {id!r} 重复使用"),
    "m.no_dataset": Text("a transfer needs at least one dataset", "一次传输至少需要一个数据集"),
    "m.sensitive_above": Text("is larger than subjects", "大于 subjects（个人信息主体人数）"),
    "m.db_not_spark": Text(
        "a database 'source' is read by its database, not by Spark",
        "数据库 source 由数据库本身读取，不经 Spark",
    ),
    "m.table_needs_db": Text(
        "'table' goes with a database 'source' (use 'tables' for files)",
        "table 只用于数据库 source（文件请用 tables）",
    ),
    "m.count_needs_db": Text(
        "counting people in the data needs a database 'source'",
        "在数据中统计人数需要数据库 source",
    ),
    "m.schema_or_sample": Text(
        "a dataset needs a 'schema' or a 'sample' (a data file with a header)",
        "数据集需要 schema 或 sample（带表头的数据文件）",
    ),
    "m.subjects_or_distinct": Text(
        "give exactly one of 'subjects' or 'count_distinct'",
        "subjects 与 count_distinct 只能且必须给出其一",
    ),
    "m.distinct_needs_sample": Text(
        "count_distinct needs a 'sample' file to count in",
        "count_distinct 需要一个 sample 文件来统计",
    ),
    "m.not_with_db": Text(
        "'{name}' does not go with a database 'source'", "{name} 不能与数据库 source 同用"
    ),
    "m.approx_needs_spark": Text(
        "an approximate count needs a spark: source", "近似计数需要 spark: 数据源"
    ),
    "m.subjects_shape": Text(
        "give 'subjects' as a number or as {{count_distinct: COLUMN}}",
        "subjects 应为数字，或写成 {{count_distinct: 列名}}",
    ),
    "m.distinct_or_expression": Text(
        "give exactly one of 'count_distinct' (column or columns) or 'expression'",
        "count_distinct（一列或多列）与 expression 只能且必须给出其一",
    ),
    "m.rsd": Text(
        "give the relative standard deviation, {low} to {high}", "请给出相对标准差，{low} 至 {high}"
    ),
    "m.rsd_range": Text(
        "must be from {low} to {high} (got {got})", "应在 {low} 至 {high} 之间（实际为 {got}）"
    ),
    "m.approval_dates": Text(
        "a security assessment approval needs 'issued' or 'valid_until'",
        "安全评估批准需要 issued 或 valid_until",
    ),
    # negative lists
    "n.empty_condition": Text(
        "must have at least one condition (an empty condition would match anything)",
        "至少需要一个条件（空条件会匹配一切）",
    ),
    "n.min_grade": Text(
        "expected one of: general-1 … general-4, important, core",
        "应为以下之一：general-1 … general-4、important、core",
    ),
    "n.important_data": Text("expected false, true or candidate", "应为 false、true 或 candidate"),
    "n.important_needs_assessment": Text(
        "important data needs a security assessment (NDSMR Art. 37); "
        "use security_assessment or prohibited",
        "重要数据出境需要安全评估（《网络数据安全管理条例》第三十七条）；"
        "请用 security_assessment 或 prohibited",
    ),
    "n.tag": Text(
        "expected V (verified), C (corroborated) or K (recalled)",
        "应为 V（已核实）、C（有佐证）或 K（凭记忆）",
    ),
    "n.tag_not_verified": Text(
        "an entry tagged {tag} was not checked against the published text; set verified: false",
        "标记为 {tag} 的条目未对照公布文本核实；请设置 verified: false",
    ),
    "n.covers_nothing": Text(
        "{id!r} covers no element of the catalog; the condition can only hold for elements "
        "that a user catalog adds",
        "{id!r} 不覆盖目录中的任何元素；该条件只可能对用户目录新增的元素成立",
    ),
    "n.sector_label": Text(
        "the entry is labelled with a sector but its condition does not restrict the sector "
        "(labels do not take part in matching)",
        "条目标注了行业，但其条件并未限定行业（标注不参与匹配）",
    ),
    "n.both_spellings": Text(
        "give {one} or {other}, not both (they are two spellings of one key)",
        "{one} 与 {other} 只能给出其一（它们是同一个键的两种写法）",
    ),
    "n.entry_id": Text(
        "expected an id of letters, digits, '.', '_' or '-'",
        "id 只能由字母、数字、'.'、'_' 或 '-' 组成",
    ),
    "n.not_mapping": Text(
        "a negative list must be a mapping, got {got}", "负面清单必须是映射，实际为{got}"
    ),
    "n.list_id_reused": Text(
        "an entry uses the list's own id; ids must be unique",
        "有条目使用了清单自身的 id；id 必须唯一",
    ),
    "n.no_entries": Text("the list has no entries", "清单没有条目"),
    "n.duplicate_entry": Text(
        "duplicate entry id {id!r} (first at line {line})",
        "条目 id {id!r} 重复（首次出现在第 {line} 行）",
    ),
    "n.list_id": Text(
        "expected a lower-case id of letters, digits, '.', '_' or '-'",
        "应为由小写字母、数字、'.'、'_' 或 '-' 组成的 id",
    ),
    "n.version": Text(
        'expected a string (quote it, e.g. "2026.1"), got {got}',
        '应为字符串（请加引号，例如 "2026.1"），实际为{got}',
    ),
    "n.sources": Text(
        "expected a non-empty list of strings (titles, articles, URLs)",
        "应为非空的字符串列表（标题、条款、网址）",
    ),
    "n.zone_missing": Text(
        "an ftz list needs 'zone' (e.g. tianjin, beijing, shanghai_lingang, hainan)",
        "自贸区清单需要 zone（例如 tianjin、beijing、shanghai_lingang、hainan）",
    ),
    "n.zone": Text(
        "expected a lower-case zone id such as tianjin", "应为小写的自贸区 id，例如 tianjin"
    ),
    "n.zone_not_ftz": Text("only an ftz list has a zone", "只有自贸区清单才有 zone"),
    "n.id_taken": Text(
        "{what} {id!r} is already used by {owner}; list and entry ids must be unique across "
        "the lists in use",
        "{what} {id!r} 已被 {owner} 使用；所用各清单的清单 id 与条目 id 必须互不相同",
    ),
    "n.what_list": Text("list id", "清单 id"),
    "n.what_entry": Text("entry id", "条目 id"),
    "n.no_shipped": Text(
        "no shipped negative list {id!r} (shipped: {shipped})",
        "没有名为 {id!r} 的内置负面清单（内置：{shipped}）",
    ),
    # catalogs
    "c.empty_file": Text(
        "empty catalog file (expected a mapping with schema_version: 1)",
        "目录文件为空（应为含 schema_version: 1 的映射）",
    ),
    "c.not_mapping": Text(
        "a catalog file must be a mapping, got {got}", "目录文件必须是映射，实际为{got}"
    ),
    "c.strings": Text("expected a list of strings, got {got}", "应为字符串列表，实际为{got}"),
    "c.grade_name": Text("expected a grade name, got {got}", "应为级别名称，实际为{got}"),
    "c.invalid_id": Text(
        "invalid id {id}: lower-case dotted words, e.g. pi.contact.mobile",
        "无效的 id {id}：应为小写点分词，例如 pi.contact.mobile",
    ),
    "c.source_id": Text("a source needs an 'id' string", "来源需要字符串 id"),
    "c.source_title": Text("a source needs a 'title' string", "来源需要字符串 title"),
    "c.missing": Text("missing: {keys}", "缺少：{keys}"),
    "c.steps_down": Text("expected 0, 1 or 2", "应为 0、1 或 2"),
    "c.duplicate_element": Text(
        "duplicate element id {id!r} in this file", "本文件中元素 id {id!r} 重复"
    ),
    "c.needs_category": Text(
        "element id {id!r} needs a category prefix (domain.category.element)",
        "元素 id {id!r} 需要类别前缀（领域.类别.元素）",
    ),
    "c.category_mismatch": Text(
        "category {got} does not match the id's parent {parent!r}",
        "类别 {got} 与 id 的上级 {parent!r} 不一致",
    ),
    "c.keywords": Text(
        "expected a mapping of keyword lists, got {got}", "应为关键词列表的映射，实际为{got}"
    ),
    "c.duplicate_rule": Text(
        "duplicate escalation rule id {id!r} in this file", "本文件中升级规则 id {id!r} 重复"
    ),
    "c.rule_kind": Text(
        "unknown rule kind {kind} (allowed: combination, context, precision, sector, volume)",
        "未知的规则类型 {kind}（允许：combination、context、precision、sector、volume）",
    ),
    "c.rule_reference": Text(
        "a rule needs a 'reference' (the clause it comes from)", "规则需要 reference（其出处条款）"
    ),
    "c.important": Text("expected 'candidate' or 'confirmed'", "应为 candidate 或 confirmed"),
    "c.group": Text(
        "unknown PIPL Art. 28 group {group}", "未知的《个人信息保护法》第二十八条类别 {group}"
    ),
    "c.conditions": Text(
        "expected a non-empty mapping of conditions, got {got}", "应为非空的条件映射，实际为{got}"
    ),
    "c.top_key": Text(
        "unknown top-level key {name!r} (allowed: {allowed})",
        "未知的顶层键 {name!r}（允许：{allowed}）",
    ),
    "c.schema_version": Text(
        "unsupported schema_version {version} (this dataflow reads 1)",
        "不支持的 schema_version {version}（此版本的 dataflow 读取 1）",
    ),
    "c.element_id": Text("expected an element id", "应为元素 id"),
    "c.grade": Text(
        "unknown grade {got} (allowed: {allowed})", "未知的级别 {got}（允许：{allowed}）"
    ),
    "c.version": Text("expected a version string, got {got}", "应为版本字符串，实际为{got}"),
    "c.category_names": Text(
        "category {id!r}: missing required key 'names'", "类别 {id!r}：缺少必填键 'names'"
    ),
    "c.group_allowed": Text(
        "unknown PIPL Art. 28 group {group} (allowed: {allowed})",
        "未知的《个人信息保护法》第二十八条类别 {group}（允许：{allowed}）",
    ),
    "c.element_id_got": Text("expected an element id, got {got}", "应为元素 id，实际为{got}"),
    "c.rule_missing": Text(
        "escalation {id!r}: missing required key {name!r}", "升级规则 {id!r}：缺少必填键 {name!r}"
    ),
    "c.category_undefined": Text("category {id!r} is not defined", "类别 {id!r} 未定义"),
    "c.sensitive_not_pi": Text(
        "element {id!r} is sensitive but not PI", "元素 {id!r} 被标为敏感，却不是个人信息"
    ),
    "c.needs_group": Text(
        "element {id!r} is sensitive: set sensitive_group (a PIPL Art. 28 group)",
        "元素 {id!r} 为敏感信息：请设置 sensitive_group（《个人信息保护法》第二十八条类别）",
    ),
    "c.group_not_sensitive": Text(
        "element {id!r} has a sensitive_group but sensitive is false",
        "元素 {id!r} 设置了 sensitive_group，但 sensitive 为 false",
    ),
    "c.unknown_element": Text("unknown element {id!r}", "未知的元素 {id!r}"),
    "c.replaced_by": Text(
        "replaced_by {id!r} is not a known element", "replaced_by {id!r} 不是已知元素"
    ),
    "c.family_element": Text(
        "family {id!r} names unknown element {element!r}", "词族 {id!r} 指向未知元素 {element!r}"
    ),
    "c.roles": Text("expected a mapping of roles, got {got}", "应为角色映射，实际为{got}"),
    "c.element_missing": Text(
        "element {id!r}: missing required key {name!r}", "元素 {id!r}：缺少必填键 {name!r}"
    ),
    "c.type_class": Text(
        "unknown type class {got} (allowed: {allowed})", "未知的类型类别 {got}（允许：{allowed}）"
    ),
    "c.entity": Text(
        "invalid entity name {got} (upper-case, e.g. CN_MOBILE)",
        "无效的实体名 {got}（应为大写，例如 CN_MOBILE）",
    ),
    "c.level": Text(
        "unknown level {got} (defined: {defined})", "未知的级别 {got}（已定义：{defined}）"
    ),
    "c.element_words": Text(
        "expected a mapping of element ids to words, got {got}",
        "应为元素 id 到词语的映射，实际为{got}",
    ),
    "c.source_undefined": Text(
        "source {id!r} is not defined under 'sources'", "来源 {id!r} 未在 sources 中定义"
    ),
    "c.standard_undefined": Text(
        "standard {id!r} is not defined under 'standards'", "标准 {id!r} 未在 standards 中定义"
    ),
    "c.parent_undefined": Text(
        "parent category {parent!r} of {id!r} is not defined", "{id!r} 的上级类别 {parent!r} 未定义"
    ),
    "c.rule_element": Text(
        "rule {id!r} names unknown element {ref!r}", "规则 {id!r} 指向未知元素 {ref!r}"
    ),
    "c.rule_category": Text(
        "rule {id!r} names unknown category {ref!r}", "规则 {id!r} 指向未知类别 {ref!r}"
    ),
    "c.rule_sector": Text(
        "rule {id!r} names unknown sector {ref!r}", "规则 {id!r} 指向未知行业 {ref!r}"
    ),
    "c.grade_names": Text("grade names missing for: {grades}", "缺少以下级别的名称：{grades}"),
    # sensitivity standards and rulings
    "s.id": Text(
        "expected a lower-case id such as gb-t-45574-2025", "应为小写 id，例如 gb-t-45574-2025"
    ),
    "s.sources": Text("expected a non-empty list of strings", "应为非空的字符串列表"),
    "s.rulings": Text(
        "expected a mapping of standard id to ruling, got {got}",
        "应为标准 id 到判定的映射，实际为{got}",
    ),
    "s.group": Text(
        "expected a PIPL Art. 28 group: {groups}", "应为《个人信息保护法》第二十八条类别：{groups}"
    ),
    "s.no_group": Text("a ruling that is not sensitive has no group", "判定为非敏感时不应有类别"),
    # recognizer files
    "g.duplicate": Text("duplicate recognizer name {name!r}", "识别器名称 {name!r} 重复"),
    "g.file_key": Text("file and key must be strings", "file 和 key 必须是字符串"),
    "g.initials": Text("expected a letter range such as A-J", "应为字母范围，例如 A-J"),
    "g.no_list_key": Text("{file} has no key {name!r}", "{file} 中没有键 {name!r}"),
    "g.list_value": Text(
        "expected a string of characters or a list of strings", "应为字符串，或字符串列表"
    ),
    "g.name": Text(
        "name must be a word (letters, digits, _ . -)", "name 必须是一个词（字母、数字、_ . -）"
    ),
    "g.entity": Text(
        "entity must be UPPER_SNAKE_CASE, e.g. CN_MOBILE",
        "entity 必须是大写下划线形式，例如 CN_MOBILE",
    ),
    "g.validator": Text(
        "unknown validator {name} (known: {known})", "未知的校验器 {name}（已知：{known}）"
    ),
    "g.language": Text(
        "supported_language must be 'en': dataflow analyses every value, whatever its language, with the 'en' pipeline",
        "supported_language 必须是 'en'：无论值是何种语言，dataflow 都用 'en' 流水线分析",
    ),
    "g.no_pattern": Text("a recognizer needs at least one pattern", "识别器至少需要一个模式"),
    "g.deidentifies": Text(
        "expected the entity it masks, e.g. CN_MOBILE", "应为其遮蔽的实体，例如 CN_MOBILE"
    ),
    "g.context_words": Text(
        "a recognizer that needs context needs context words", "需要上下文的识别器必须有上下文词"
    ),
    "g.pattern_name": Text("expected a pattern name", "应为模式名称"),
    "g.regex": Text("expected a regular expression", "应为正则表达式"),
    "g.score": Text("score must be a number in (0, 1]", "score 必须是 (0, 1] 之间的数"),
    "g.unknown_list": Text("unknown list {{{{{name}}}}}", "未知的列表 {{{{{name}}}}}"),
    "g.invalid_regex": Text(
        "invalid regular expression ({engine}): {why}", "正则表达式无效（{engine}）：{why}"
    ),
    "g.matches_empty": Text(
        "the regular expression matches empty text", "该正则表达式会匹配空文本"
    ),
    "g.context_strings": Text(
        "context words must be non-empty strings", "上下文词必须是非空字符串"
    ),
    # configuration
    "f.no_database": Text(
        "no database named {name!r} in databases: ({known})",
        "databases 中没有名为 {name!r} 的数据库（{known}）",
    ),
    "f.url_env": Text(
        "database {name!r}: environment variable {variable} is not set or empty",
        "数据库 {name!r}：环境变量 {variable} 未设置或为空",
    ),
    "f.not_found": Text("configuration file not found", "找不到配置文件"),
    "f.cannot_read": Text("cannot read configuration: {why}", "无法读取配置：{why}"),
    "f.toml": Text("invalid TOML: {why}", "TOML 无效：{why}"),
    "f.not_mapping": Text("configuration must be a mapping", "配置必须是映射"),
    "f.expected": Text("expected {what}", "应为{what}"),
    "f.one_of": Text("one of {choices}", "以下之一：{choices}"),
    "f.warn_at": Text(
        "--warn-at must be a percentage above 0 and below 100 (got {got})",
        "--warn-at 必须是大于 0 且小于 100 的百分比（实际为 {got}）",
    ),
    "f.open_question": Text(
        "unknown setting or a default not among its choices", "未知的设置，或默认值不在可选值之内"
    ),
    # baselines
    "b.duplicate": Text(
        "duplicate entry for this file, pointer and element", "该文件、字段指针与元素的条目重复"
    ),
    "b.cannot_write": Text("cannot write baseline: {why}", "无法写入基线文件：{why}"),
    # reading YAML and JSON documents
    "y.invalid_yaml": Text("invalid YAML: {why}", "YAML 无效：{why}"),
    "y.several_documents": Text(
        "expected one YAML document, found several", "应只有一个 YAML 文档，实际有多个"
    ),
    "y.too_large": Text(
        "file is too large for a {kind} document ({size} bytes)",
        "文件过大，不能作为 {kind} 文档（{size} 字节）",
    ),
    "y.nul": Text(
        "not a {kind} text file (contains NUL bytes)", "不是 {kind} 文本文件（含 NUL 字节）"
    ),
    "y.utf8": Text(
        "not valid UTF-8 (byte offset {offset}); save the file as UTF-8",
        "不是有效的 UTF-8（字节偏移 {offset}）；请将文件保存为 UTF-8",
    ),
    "y.invalid_json": Text("invalid JSON: {why}", "JSON 无效：{why}"),
    "y.recursive_alias": Text("recursive YAML alias", "YAML 别名递归引用"),
    "y.expands": Text(
        "YAML document expands to more than {limit} nodes (alias/anchor expansion); refusing to load it",
        "YAML 文档展开后超过 {limit} 个节点（别名/锚点展开），拒绝加载",
    ),
    "y.plain_keys": Text("mapping keys must be plain scalars", "映射的键必须是普通标量"),
    "y.unhashable": Text("unhashable mapping key", "映射的键不可哈希"),
    "y.duplicate_key": Text("duplicate key {name!r}", "键 {name!r} 重复"),
    "y.invalid_value": Text("invalid value: {why}", "值无效：{why}"),
    "y.tag": Text(
        "YAML tag {tag!r} is not allowed (only plain YAML data)",
        "不允许使用 YAML 标签 {tag!r}（只接受普通 YAML 数据）",
    ),
    "y.too_deep": Text(
        "YAML document is nested too deeply to be a dataflow file",
        "YAML 文档嵌套过深，不是 dataflow 文件",
    ),
    "y.starts_at": Text(
        "{why} ({what} that starts at line {line})", "{why}（起始于第 {line} 行的 {what}）"
    ),
    "y.json_constant": Text(
        "{name} is not a number dataflow accepts", "{name} 不是 dataflow 接受的数字"
    ),
}
