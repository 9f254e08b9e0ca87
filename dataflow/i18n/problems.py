"""Problems with input files and database sources, and operating-system and JSON errors."""

from __future__ import annotations

import errno
from collections.abc import Mapping

from dataflow.model import Text

# Database sources: why a schema or table could not be read (the driver's own text never shows).
DATABASE: Mapping[str, Text] = {
    "db.auth": Text(
        "authentication failed (check the user and password)", "认证失败（请检查用户名和密码）"
    ),
    "db.permission": Text("permission denied", "权限不足"),
    "db.timeout": Text("statement timeout", "语句超时"),
    "db.read_only": Text("refused: the session is read-only", "被拒绝：会话为只读"),
    "db.host": Text("host not found", "找不到主机"),
    "db.refused": Text(
        "connection refused (is the server running and the host/port right?)",
        "连接被拒绝（服务器是否在运行，主机和端口是否正确？）",
    ),
    "db.not_found": Text("not found", "不存在"),
    "db.list_schema": Text("cannot list schema {schema}: {why}", "无法列出模式 {schema}：{why}"),
    "db.read": Text("cannot read {kind} {name}: {why}", "无法读取{kind} {name}：{why}"),
    "spark.read": Text("cannot read {source}: {why}", "无法读取 {source}：{why}"),
    "spark.scan": Text("cannot scan {source}: {why}", "无法扫描 {source}：{why}"),
    "spark.executor": Text(
        "cannot scan {source}: {error} on an executor", "无法扫描 {source}：执行器上发生 {error}"
    ),
    # notices of a database or Spark read (a report's Notices; JSON keeps the English)
    "db.sampled": Text(
        "{dataset}: sampled {rows} row(s) by {how} ({source})",
        "{dataset}：抽样 {rows} 行，方式：{how}（{source}）",
    ),
    "db.every_row_read": Text(
        "{dataset}: every row read ({rows}) ({source})",
        "{dataset}：已读取全部行（{rows} 行）（{source}）",
    ),
    "spark.every_row_read": Text(
        "{dataset}: every row read by Spark ({rows}) ({source})",
        "{dataset}：已由 Spark 读取全部行（{rows} 行）（{source}）",
    ),
    "db.how.every_row": Text("every row", "全部行"),
    "db.how.tablesample": Text(
        "TABLESAMPLE SYSTEM ({share} %) of about {estimate} rows",
        "TABLESAMPLE SYSTEM（约 {estimate} 行中的 {share} %）",
    ),
    "db.how.key_range": Text(
        "a random range of the primary key, about {estimate} rows in the table",
        "主键上的随机区间（表中约 {estimate} 行）",
    ),
    "db.how.first_rows": Text("the first rows (LIMIT)", "前若干行（LIMIT）"),
    # people counted for an assessment (``subjects: {count_distinct: …}``)
    "count.people": Text(
        "{dataset}: people counted {how}: {query}", "{dataset}：{how}统计人数：{query}"
    ),
    "count.sensitive": Text(
        "{dataset}: people with sensitive PI counted {how}: {query}",
        "{dataset}：{how}统计涉及敏感个人信息的人数：{query}",
    ),
    "count.spark": Text(
        "{dataset}: people counted by Spark: {query}", "{dataset}：由 Spark 统计人数：{query}"
    ),
    "count.how.database": Text("in {source}", "在 {source} 中"),
    "count.how.spark_exact": Text("by Spark (exact)", "由 Spark（精确）"),
    "count.how.spark_approximate": Text(
        "by Spark (approximate, relative standard deviation {rsd})",
        "由 Spark（近似，相对标准差 {rsd}）",
    ),
    "db.table": Text("table", "表"),
    "db.view": Text("view", "视图"),
}

# Problems with input files (readers): ``{placeholders}`` hold positions, counts and names.
PROBLEMS: Mapping[str, Text] = {
    "p.too_large": Text(
        "file is too large to read as {what} ({size} bytes; the limit is {limit})",
        "文件过大，无法作为{what}读取（{size} 字节，上限 {limit}）",
    ),
    "p.cannot_read": Text("cannot read file: {why}", "无法读取文件：{why}"),
    "p.renamed_columns": Text(
        "header has empty or repeated column names; they were renamed",
        "表头有空的或重复的列名，已重命名",
    ),
    "p.more": Text("{kind}: {extra} more not listed", "{kind}：另有 {extra} 处未列出"),
    "p.empty_no": Text("file is empty: no {what}", "文件为空：没有{what}"),
    "p.invalid_json_in": Text("invalid JSON in {what}: {why}", "{what}中的 JSON 无效：{why}"),
    "p.json_deep": Text("invalid JSON: nested too deeply", "JSON 无效：嵌套过深"),
    "p.no_file": Text("no such file", "文件不存在"),
    "p.is_folder": Text("is a folder, not a file", "是文件夹，不是文件"),
    "p.not_regular": Text(
        "not a regular file (device, pipe or socket); not read",
        "不是普通文件（设备、管道或套接字），未读取",
    ),
    "p.permission": Text("cannot read file: permission denied", "无法读取文件：权限不足"),
    "p.unknown_format": Text(
        "unknown schema format (expected one of: {formats})",
        "未知的表结构格式（应为以下之一：{formats}）",
    ),
    "p.not_read": Text(
        "not a format dataflow reads; skipped (use --schema-format to force one)",
        "不是 dataflow 可读取的格式，已跳过（可用 --schema-format 指定格式）",
    ),
    "p.project_file": Text(
        "dbt project file: holds no dataset (the property files of the project are read)",
        "dbt 项目文件：不含数据集（项目中的属性文件会被读取）",
    ),
    "p.dbt_column_twice": Text(
        "dbt column listed twice in one model (here and at line {first}): read as one field",
        "dbt 列在同一模型中列出两次（此处与第 {first} 行）：按一个字段读取",
    ),
    "p.internal": Text(
        "internal error while reading the file ({error}); please report it (see README, Security)",
        "读取文件时发生内部错误（{error}），请报告此问题（见 README 的 Security 一节）",
    ),
    "p.empty": Text("file is empty", "文件为空"),
    "p.binary": Text("binary content: not a {fmt} text file", "二进制内容：不是 {fmt} 文本文件"),
    "p.some_undecodable": Text(
        "some lines are neither UTF-8 nor {legacy}; undecodable bytes were replaced",
        "部分行既不是 UTF-8 也不是 {legacy} 编码，无法解码的字节已替换",
    ),
    "what.jsonschema": Text("JSON Schema", "JSON Schema 文件"),
    "what.avro": Text("Avro schema", "Avro 模式文件"),
    "p.link_loop": Text(
        "symbolic link loop (or a second link to a folder already scanned); not followed",
        "符号链接循环（或指向已扫描文件夹的第二个链接），未跟随",
    ),
    "p.cannot_list": Text("cannot list folder: {why}", "无法列出文件夹内容：{why}"),
    "p.broken_link": Text("broken symbolic link; skipped", "符号链接已失效，已跳过"),
    "p.no_such_path": Text("no such file or folder", "文件或文件夹不存在"),
    "p.avro_undefined": Text(
        "Avro field's type is a name that neither this file nor the other Avro schemas of the scan define; the field is kept without a type",
        "Avro 字段的类型名称在本文件和本次扫描的其他 Avro 模式中均未定义；该字段保留但没有类型",
    ),
    "p.avro_root_undefined": Text(
        "Avro top-level union names a type that neither this file nor the other Avro schemas of the scan define; nothing read for it",
        "Avro 顶层联合类型引用的类型名称在本文件和本次扫描的其他 Avro 模式中均未定义；未读取",
    ),
    "p.avdl_skipped": Text(
        "Avro IDL declaration not understood (neither a record, error, enum, fixed nor a message); its fields are not read",
        "无法识别的 Avro IDL 声明（既不是 record、error、enum、fixed，也不是消息），其字段未读取",
    ),
    "p.avdl_syntax": Text(
        "Avro IDL declaration could not be parsed; read on from the next ';' or '}}'",
        "无法解析 Avro IDL 声明；从下一个 ';' 或 '}}' 处继续读取",
    ),
    "p.proto_syntax": Text(
        "Protocol Buffers declaration starting here could not be parsed; read on after it",
        "从此处开始的 Protocol Buffers 声明无法解析；从其后继续读取",
    ),
    "p.proto_unclosed": Text(
        "Protocol Buffers {kind} {name} is not closed before the end of the file; what it declares up to there is read",
        "Protocol Buffers {kind} {name} 在文件结束前没有闭合；已读取到文件末尾为止的声明",
    ),
    "p.proto_undefined": Text(
        "Protocol Buffers field's type is a name that neither this file nor the other .proto files of the scan declare; the field is kept without a type",
        "Protocol Buffers 字段的类型名称在本文件和本次扫描的其他 .proto 文件中均未声明；该字段保留但没有类型",
    ),
    "p.proto_recursive": Text(
        "recursive Protocol Buffers message: not expanded again; the field is kept without its sub-fields",
        "递归的 Protocol Buffers 消息：不再展开，该字段保留但不含子字段",
    ),
    "p.proto_deep": Text(
        "Protocol Buffers message nested deeper than {depth} levels; cut",
        "Protocol Buffers 消息嵌套超过 {depth} 层，已截断",
    ),
    "p.proto_extend_unknown": Text(
        "extend names a message that neither this file nor the other .proto files of the scan declare; its fields are read as a dataset 'extend <message>'",
        "extend 所扩展的消息在本文件和本次扫描的其他 .proto 文件中均未声明；其字段作为数据集“extend <消息>”读取",
    ),
    "p.avro_no_fields": Text("Avro record has no list of fields", "Avro 记录没有字段列表"),
    "p.avro_field_not_object": Text("Avro record field is not an object", "Avro 记录字段不是对象"),
    "p.avro_field_no_name": Text("Avro record field has no name", "Avro 记录字段没有名称"),
    "p.avro_field_no_type": Text("Avro record field has no type", "Avro 记录字段没有类型"),
    "p.avro_recursive": Text(
        "recursive Avro record: not expanded again; the field is kept without its sub-fields",
        "递归的 Avro 记录：不再展开，该字段保留但不含子字段",
    ),
    "p.avro_bad_type": Text(
        "Avro field type is not a name, an object or a union",
        "Avro 字段类型不是名称、对象或联合类型",
    ),
    "p.avro_no_name": Text("Avro record has no name", "Avro 记录没有名称"),
    "p.avro_enum": Text("Avro enum has no list of symbols", "Avro 枚举没有符号列表"),
    "p.avro_array": Text("Avro array has no items type", "Avro 数组没有元素类型"),
    "p.avro_map": Text("Avro map has no values type", "Avro 映射没有值类型"),
    "p.avro_fixed": Text("Avro fixed type has no valid size", "Avro fixed 类型没有有效的长度"),
    "p.avro_type_object": Text("Avro type object has no valid type", "Avro 类型对象没有有效的类型"),
    "p.avro_not_record": Text("not an Avro record schema", "不是 Avro 记录模式"),
    "p.avro_deep": Text(
        "Avro schema nested deeper than {depth} levels; cut", "Avro 模式嵌套超过 {depth} 层，已截断"
    ),
    "p.js_deep": Text(
        "schema nested deeper than {depth} levels; cut", "模式嵌套超过 {depth} 层，已截断"
    ),
    "p.js_ref_not_string": Text("$ref is not a string; ignored", "$ref 不是字符串，已忽略"),
    "p.js_cycle": Text(
        "$ref cycle: {pointer} refers back to {name}, which it is part of; not expanded again, {count} such use(s) in this dataset are kept as fields of type ref:{name}",
        "$ref 循环：{pointer} 引用其所属的 {name}，不再展开；本数据集中这样的引用共 {count} 处，保留为 ref:{name} 类型的字段",
    ),
    "p.js_ref_repeated": Text(
        "$ref to {name} used again at {pointer}: its members are read once, at {first}, and not expanded again; {count} such use(s) in this dataset are kept as fields of type ref:{name}",
        "{pointer} 再次引用 {name}：其成员只在 {first} 读取一次，不再展开；本数据集中这样的引用共 {count} 处，保留为 ref:{name} 类型的字段",
    ),
    "p.js_ref_kind": Text("$ref kept as a ref:<name> field", "$ref 保留为 ref:<名称> 字段"),
    "p.js_remote": Text(
        "remote or external $ref not followed (dataflow never fetches schemas); the member is kept without its sub-fields",
        "未跟随远程或外部 $ref（dataflow 从不下载模式）；该成员保留但没有子字段",
    ),
    "p.js_keyword_property": Text(
        "JSON Schema keyword {keyword} inside the properties of {pointer} (a malformed schema: it belongs one level up); not read as a field",
        "{pointer} 的 properties 中出现 JSON Schema 关键字 {keyword}（模式有误：应在上一层）；未作为字段读取",
    ),
    "p.js_not_schema": Text(
        "the property {pointer} has a value that is not a schema; kept as a field without a type",
        "属性 {pointer} 的值不是模式；该字段保留但没有类型",
    ),
    "p.js_unresolved_file": Text(
        "$ref names a scanned schema file but points to nothing in it; the member is kept without its sub-fields",
        "$ref 指向已扫描的模式文件，但在该文件中找不到目标；该成员保留但没有子字段",
    ),
    "p.js_unresolved": Text("$ref points to nothing in this document", "$ref 在本文档中找不到目标"),
    "p.js_not_object": Text(
        "not a JSON Schema: the document is not an object", "不是 JSON Schema：文档不是对象"
    ),
    "p.too_many_fields": Text(
        "more than {max} fields; the rest are ignored", "字段超过 {max} 个，其余已忽略"
    ),
    "p.openapi_no_fields": Text(
        "OpenAPI document describes no field in its named schemas nor in its operations: no fields read",
        "OpenAPI 文档的命名 schema 和操作中都没有描述任何字段：未读取到字段",
    ),
    "p.openapi_ref_unread": Text(
        "the schema of this body or response is in {ref}, which is not among the scanned files (dataflow never fetches schemas); its fields are not read",
        "该请求体或响应的 schema 位于 {ref}，不在扫描的文件中（dataflow 从不下载模式）；其字段未读取",
    ),
    "p.js_no_properties": Text(
        "JSON Schema describes no properties: no fields read",
        "JSON Schema 没有描述任何属性：未读取到字段",
    ),
    "p.openapi_deep": Text(
        "cannot read OpenAPI document: YAML nested too deeply",
        "无法读取 OpenAPI 文档：YAML 嵌套过深",
    ),
    "p.openapi_yaml": Text("cannot read OpenAPI document: {why}", "无法读取 OpenAPI 文档：{why}"),
    "p.asyncapi_deep": Text(
        "cannot read AsyncAPI document: YAML nested too deeply",
        "无法读取 AsyncAPI 文档：YAML 嵌套过深",
    ),
    "p.asyncapi_yaml": Text(
        "cannot read AsyncAPI document: {why}", "无法读取 AsyncAPI 文档：{why}"
    ),
    "p.yamlschema_deep": Text(
        "cannot read JSON Schema written in YAML: YAML nested too deeply",
        "无法读取以 YAML 编写的 JSON Schema：YAML 嵌套过深",
    ),
    "p.yamlschema_yaml": Text(
        "cannot read JSON Schema written in YAML: {why}",
        "无法读取以 YAML 编写的 JSON Schema：{why}",
    ),
    "p.dbt_deep": Text(
        "cannot read dbt schema file: YAML nested too deeply",
        "无法读取 dbt 模式文件：YAML 嵌套过深",
    ),
    "p.dbt_yaml": Text("cannot read dbt schema file: {why}", "无法读取 dbt 模式文件：{why}"),
    "yaml.0": Text("duplicate key", "键重复"),
    "yaml.1": Text(
        "YAML tags are not allowed (only plain YAML data)",
        "不允许使用 YAML 标签（只允许普通 YAML 数据）",
    ),
    "yaml.2": Text("YAML alias/anchor expansion too large", "YAML 别名/锚点展开过大"),
    "yaml.3": Text("recursive YAML alias", "YAML 别名递归"),
    "yaml.4": Text("expected one YAML document, found several", "应为一个 YAML 文档，却发现多个"),
    "yaml.5": Text("not valid UTF-8", "不是有效的 UTF-8"),
    "yaml.6": Text("mapping keys must be plain scalars", "映射的键必须是普通标量"),
    "yaml.invalid": Text("invalid YAML", "YAML 无效"),
    "p.dbt_not": Text(
        "not a dbt schema file: no models, seeds, snapshots or sources list",
        "不是 dbt 模式文件：没有 models、seeds、snapshots 或 sources 列表",
    ),
    "p.dbt_section_list": Text("dbt {section} must be a list", "dbt 的 {section} 必须是列表"),
    "p.dbt_source_name": Text("dbt source has no name", "dbt source 没有名称"),
    "p.dbt_tables_list": Text(
        "dbt source tables must be a list", "dbt source 的 tables 必须是列表"
    ),
    "p.dbt_entry_mapping": Text("dbt entry is not a mapping", "dbt 条目不是映射"),
    "p.dbt_entry_name": Text("dbt entry has no name", "dbt 条目没有名称"),
    "p.dbt_columns_list": Text("dbt columns must be a list", "dbt 的 columns 必须是列表"),
    "p.dbt_column_name": Text("dbt column has no name", "dbt 列没有名称"),
    "p.empty_header": Text("file is empty: no header row", "文件为空：没有表头行"),
    "p.binary_delimited": Text(
        "binary content: not a {fmt} text file (no text encoding fits its bytes)",
        "二进制内容：不是 {fmt} 文本文件（没有适合其字节的文本编码）",
    ),
    "p.bad_header": Text("malformed {fmt} header row", "{fmt} 表头行格式错误"),
    "p.no_header": Text(
        "file has no header row (the first line is empty)", "文件没有表头行（第一行为空）"
    ),
    "p.header_is_data": Text(
        "the first row looks like data, not column names (it holds values such as identifiers, numbers or dates); columns are named column_1 to column_{n} and the row is read as data",
        "第一行看起来是数据而不是列名（含有标识号、数字或日期等值）；各列命名为 column_1 至 column_{n}，该行按数据读取",
    ),
    "p.unterminated": Text(
        "unterminated quoted field: the quote opened in the row that starts on this line is never closed, so the rest of the file was read as one value",
        "引号未闭合：从此行开始的那一行中打开的引号始终没有闭合，文件其余部分被读作一个值",
    ),
    "p.values_undecodable": Text(
        "{n} values could not be decoded as UTF-8 or {legacy}; undecodable bytes were replaced",
        "{n} 个值无法按 UTF-8 或 {legacy} 解码，无法解码的字节已替换",
    ),
    "p.bad_row": Text(
        "malformed {fmt} row (unbalanced quotes or a NUL byte); row skipped",
        "{fmt} 行格式错误（引号不配对或含 NUL 字节），已跳过该行",
    ),
    "kind.bad_rows": Text("malformed {fmt} rows", "格式错误的 {fmt} 行"),
    "p.long_rows": Text(
        "{n} rows have more fields than the header; extra fields ignored",
        "{n} 行的字段多于表头，多出的字段已忽略",
    ),
    "p.short_rows": Text(
        "{n} rows have fewer fields than the header; missing ones read as empty",
        "{n} 行的字段少于表头，缺少的按空值读取",
    ),
    "p.long_lines": Text(
        "{n} lines are longer than {max} bytes; only the first part of each was read",
        "{n} 行超过 {max} 字节，每行只读取了前一部分",
    ),
    "p.lines_undecodable": Text(
        "{n} lines could not be decoded as UTF-8 or {legacy}; undecodable bytes were replaced",
        "{n} 行无法按 UTF-8 或 {legacy} 解码，无法解码的字节已替换",
    ),
    "p.empty_jsonl": Text("file is empty: no JSON records", "文件为空：没有 JSON 记录"),
    "p.binary_jsonl": Text(
        "binary content: not a JSON Lines text file", "二进制内容：不是 JSON Lines 文本文件"
    ),
    "p.binary_json": Text("binary content: not a JSON text file", "二进制内容：不是 JSON 文本文件"),
    "p.empty_json": Text("file is empty: no JSON document", "文件为空：没有 JSON 文档"),
    "p.invalid_json": Text("invalid JSON: {why}", "JSON 无效：{why}"),
    "p.json_array_or_object": Text(
        "JSON data must be an array of objects (or one object)",
        "JSON 数据必须是对象数组（或单个对象）",
    ),
    "p.json_no_objects": Text(
        "JSON array does not hold objects: no columns to read",
        "JSON 数组中没有对象：没有可读取的列",
    ),
    "p.json_large": Text(
        "a JSON data file this large must be an array of objects",
        "这么大的 JSON 数据文件必须是对象数组",
    ),
    "p.json_array": Text("JSON data must be an array of objects", "JSON 数据必须是对象数组"),
    "p.json_comma": Text(
        "invalid JSON: expected ',' or ']' after an item", "JSON 无效：元素之后应为 ',' 或 ']'"
    ),
    "p.jsonl_bad_line": Text("line is not valid JSON: {why}", "该行不是有效的 JSON：{why}"),
    "kind.bad_lines": Text("lines that are not valid JSON", "不是有效 JSON 的行"),
    "p.jsonl_deep": Text("line is nested too deeply", "该行嵌套过深"),
    "p.jsonl_cut": Text(
        "{n} lines are longer than {max} bytes and were cut (they are reported as invalid JSON)",
        "{n} 行超过 {max} 字节，已截断（按无效 JSON 报告）",
    ),
    "p.jsonl_not_objects": Text(
        "{n} lines are JSON but not objects; skipped", "{n} 行是 JSON 但不是对象，已跳过"
    ),
    "p.jsonl_undecodable": Text(
        "{n} lines could not be decoded; undecodable bytes were replaced",
        "{n} 行无法解码，无法解码的字节已替换",
    ),
    "p.json_map": Text(
        "the keys of {shown} vary from record to record, as a map's do: read as a map, its keys in {keys} and its values in {values}",
        "{shown} 的键在各条记录间变化，如同映射：按映射读取，键在 {keys}，值在 {values}",
    ),
    "p.json_top": Text("the top-level object", "顶层对象"),
    "p.too_many_keys": Text(
        "more than {max} distinct keys; the rest are ignored", "不同的键超过 {max} 个，其余已忽略"
    ),
    "p.parquet_empty": Text("file is empty: not a Parquet file", "文件为空：不是 Parquet 文件"),
    "p.parquet_footer": Text(
        "not a readable Parquet file: the footer is missing or corrupt (the file may be truncated)",
        "不是可读取的 Parquet 文件：文件尾缺失或损坏（文件可能被截断）",
    ),
    "p.parquet_wide": Text(
        "more than {max} leaf columns; the rest are ignored", "叶子列超过 {max} 个，其余已忽略"
    ),
    "p.parquet_pages": Text(
        "Parquet data pages could not be read (corrupt or truncated); rows after that point were not sampled",
        "Parquet 数据页无法读取（损坏或被截断），其后的行未抽样",
    ),
    "p.sql_create_other": Text(
        "CREATE statement could not be parsed (neither CREATE TABLE nor another known object)",
        "CREATE 语句无法解析（既不是 CREATE TABLE，也不是其他已知对象）",
    ),
    "p.sql_embedded": Text(
        "statement could not be parsed; CREATE TABLE {table} inside it at line {line} was not read (missing ';' before it?)",
        "语句无法解析；其中第 {line} 行的 CREATE TABLE {table} 未读取（之前缺少 ';'？）",
    ),
    "p.sql_template": Text(
        "a Jinja template (a dbt model, macro or test) that creates no table: a query, not a "
        "table definition; not read",
        "Jinja 模板（dbt 模型、宏或测试）未创建任何表：是查询而非表定义；未读取",
    ),
    "p.sql_not_sql": Text(
        "statement could not be parsed (not recognised as SQL)", "语句无法解析（无法识别为 SQL）"
    ),
    "p.sql_long": Text(
        "CREATE TABLE statement is longer than {max} characters; table {table} is not read",
        "CREATE TABLE 语句超过 {max} 个字符，表 {table} 未读取",
    ),
    "p.sql_lenient": Text(
        "CREATE TABLE {table} read without the table options after its column list (the SQL parser does not understand them){lost}",
        "CREATE TABLE {table} 已读取，但忽略了列定义之后的表选项（SQL 解析器无法识别）{lost}",
    ),
    "p.sql_comma": Text(
        "CREATE TABLE {table}: no comma at the end of line {lines}; read as if there were one",
        "CREATE TABLE {table}：第 {lines} 行末尾缺少逗号，已按有逗号读取",
    ),
    "p.sql_one_by_one": Text(
        "CREATE TABLE {table} could not be parsed as a whole; its columns were read one by one",
        "CREATE TABLE {table} 无法整体解析，已逐列读取",
    ),
    "p.sql_untyped": Text(
        "a column of table {table} is read without its type (the SQL parser does not understand its definition)",
        "表 {table} 的一列已读取，但未能读出其类型（SQL 解析器无法识别该列定义）",
    ),
    "p.sql_create": Text(
        "CREATE TABLE statement could not be parsed; table {table} is not read{lost}",
        "CREATE TABLE 语句无法解析，表 {table} 未读取{lost}",
    ),
    "p.sql_create_at": Text(
        "CREATE TABLE statement could not be parsed (syntax error near line {line}, column {column}); table {table} is not read{lost}",
        "CREATE TABLE 语句无法解析（语法错误，靠近第 {line} 行第 {column} 列），表 {table} 未读取{lost}",
    ),
    "p.sql_also_lost": Text(
        "; CREATE TABLE {tables} in it is not read either",
        "；其中的 CREATE TABLE {tables} 也未读取",
    ),
    "p.sql_lost_table": Text("{table} (line {line})", "{table}（第 {line} 行）"),
    "p.sql_name_unreadable": Text("(name unreadable)", "（表名无法读取）"),
    "p.sql_key_elsewhere": Text(
        "ALTER TABLE adds a foreign key to table {table}, which this file does not create; the key is not used",
        "ALTER TABLE 为表 {table} 添加了外键，但本文件没有创建该表；该外键未使用",
    ),
    "p.sql_alter": Text(
        "ALTER TABLE statement could not be parsed; the columns it adds to, changes in or drops from table {table} are not read",
        "ALTER TABLE 语句无法解析，它为表 {table} 添加、修改或删除的列未读取",
    ),
    "p.column_table_twice": Text(
        "ALTER TABLE changes column {column} of table {table}, but two or more tables have that name; the column is listed as a table of its own",
        "ALTER TABLE 修改了表 {table} 的列 {column}，但有两个或更多表同名；该列单独列为一个表",
    ),
    "p.column_drop_twice": Text(
        "ALTER TABLE drops column {column} of table {table}, but two or more tables have that name; the column stays listed in each",
        "ALTER TABLE 删除了表 {table} 的列 {column}，但有两个或更多表同名；该列仍在各表中列出",
    ),
    "p.column_stays_dropped": Text(
        "ALTER TABLE changes column {column} of table {table} after an earlier statement drops it; the column stays dropped",
        "ALTER TABLE 在列 {column} 被之前的语句删除后又修改了表 {table} 的该列；该列仍视为已删除",
    ),
    "p.column_stays_dropped_in": Text(
        "changeSet {changeset} changes column {column} of table {table} after an earlier statement drops it; the column stays dropped",
        "changeSet {changeset} 在列 {column} 被之前的语句删除后又修改了表 {table} 的该列；该列仍视为已删除",
    ),
    "p.sql_copy_nowhere": Text(
        "table {table} takes the columns of table {parent} (PARTITION OF, LIKE or AS SELECT *), which no scanned file creates; those columns are not read",
        "表 {table} 的列取自表 {parent}（PARTITION OF、LIKE 或 AS SELECT *），但扫描的文件都没有创建该表；这些列未读取",
    ),
    "p.sql_query_columns": Text(
        "table {table} takes its columns from a query (CREATE TABLE … AS SELECT) that names none of them; its columns are not read",
        "表 {table} 的列来自一个查询（CREATE TABLE … AS SELECT），查询未列出列名；其列未读取",
    ),
    "p.sql_insert_columns": Text(
        "no scanned file creates table {table}; its columns are taken from INSERT statements (names only, no types)",
        "扫描的文件中没有创建表 {table} 的语句；其列取自 INSERT 语句（仅列名，无类型）",
    ),
    "p.sql_insert_no_columns": Text(
        "no scanned file creates table {table}, and its INSERT statements list no columns; its columns are not read",
        "扫描的文件中没有创建表 {table} 的语句，其 INSERT 语句也未列出列名；其列未读取",
    ),
    "p.key_table_twice": Text(
        "ALTER TABLE adds a foreign key to table {table}, but two or more tables have that name; the key is not used",
        "ALTER TABLE 为表 {table} 添加了外键，但有两个或更多表同名；该外键未使用",
    ),
    "p.key_table_nowhere": Text(
        "ALTER TABLE adds a foreign key to table {table}, but no scanned file creates it; the key is not used",
        "ALTER TABLE 为表 {table} 添加了外键，但扫描的文件都没有创建该表；该外键未使用",
    ),
    "p.sql_table_prefix": Text(
        "table names start with the install-time table prefix placeholder {placeholder}; they are read without it ({placeholder}users as users)",
        "表名以安装时替换的表前缀占位符 {placeholder} 开头；已按去掉占位符读取（{placeholder}users 读作 users）",
    ),
    "p.liquibase_xml": Text(
        "not a readable Liquibase changelog: {why}", "无法读取的 Liquibase 变更日志：{why}"
    ),
    "p.liquibase_entities": Text(
        "Liquibase changelog declares XML entities; not read (entities are never expanded)",
        "Liquibase 变更日志声明了 XML 实体，未读取（从不展开实体）",
    ),
    "p.liquibase_too_big": Text(
        "Liquibase changelog is nested too deeply or has too many elements; not read",
        "Liquibase 变更日志嵌套过深或元素过多，未读取",
    ),
    "p.liquibase_no_root": Text(
        "not a Liquibase changelog: no databaseChangeLog at the top; no fields read",
        "不是 Liquibase 变更日志：顶层没有 databaseChangeLog，未读取字段",
    ),
    "p.liquibase_no_table": Text(
        "{change} names no table; the change is not used",
        "{change} 未指明表名，该变更未使用",
    ),
    "p.liquibase_no_column": Text(
        "a column of table {table} has no name; it is not read",
        "表 {table} 的一列没有名称，未读取",
    ),
    "p.liquibase_rename_elsewhere": Text(
        "renameTable renames table {table} to {new}, which no earlier change of this file creates; its columns keep the old table name",
        "renameTable 将表 {table} 改名为 {new}，但本文件之前的变更都没有创建该表；其列仍使用旧表名",
    ),
    "p.sql_no_name": Text("CREATE TABLE statement has no table name", "CREATE TABLE 语句没有表名"),
    "p.sql_allow": Text(
        'inline allow comment ignored: write -- dataflow: allow <element-id> "reason"',
        '已忽略行内 allow 注释：应写为 -- dataflow: allow <要素 id> "原因"',
    ),
    "p.sample_unknown": Text(
        "sample given for dataset {name}, which no scanned schema defines (datasets: {known})",
        "为数据集 {name} 提供了样本，但扫描的表结构中没有该数据集（数据集：{known}）",
    ),
    "p.sample_extra_columns": Text(
        "attached to table {table} as its sample, but has columns the table lacks ({columns}): "
        "reported as a dataset of its own as well",
        "已作为表 {table} 的样本，但含有该表没有的列（{columns}）：也作为独立数据集报告",
    ),
    "p.no_sample_rows": Text("no sample rows found", "未找到样本行"),
}


# Messages of Python's json module (``JSONDecodeError.msg``), which carry no input text.
JSON_ERRORS: Mapping[str, str] = {
    "Expecting value": "此处应为一个值",
    "Expecting ',' delimiter": "此处应为 ',' 分隔符",
    "Expecting ':' delimiter": "此处应为 ':' 分隔符",
    "Expecting property name enclosed in double quotes": "此处应为双引号括起的属性名",
    "Unterminated string starting at": "字符串未结束",
    "Invalid control character at": "含有无效的控制字符",
    "Invalid \\escape": "无效的转义序列",
    "Invalid \\uXXXX escape": "无效的 \\uXXXX 转义序列",
    "Extra data": "多余的数据",
    "Illegal trailing comma before end of object": "对象结尾前有多余的逗号",
    "Illegal trailing comma before end of array": "数组结尾前有多余的逗号",
}

# Operating-system errors by errno (``OSError.strerror`` is English).
OS_ERRORS: Mapping[int, Text] = {
    errno.EACCES: Text("Permission denied", "权限不足"),
    errno.ENOENT: Text("No such file or directory", "文件或目录不存在"),
    errno.EISDIR: Text("Is a directory", "是目录"),
    errno.ENOTDIR: Text("Not a directory", "不是目录"),
    errno.EIO: Text("Input/output error", "输入输出错误"),
    errno.ELOOP: Text("Too many levels of symbolic links", "符号链接层级过多"),
    errno.ENAMETOOLONG: Text("File name too long", "文件名过长"),
}
