"""Words for the people a dataset is about and why (``dataflow/subject/``)."""

from __future__ import annotations

from collections.abc import Mapping

from dataflow.model import Text

# The people a dataset is about (catalogs/subjects.yaml ``roles``), in the plural.
ROLES: Mapping[str, Text] = {
    "person": Text("people", "自然人"),
    "patient": Text("patients", "患者"),
    "customer": Text("customers", "客户"),
    "employee": Text("employees", "员工"),
    "staff": Text("staff", "员工"),
    "student": Text("students", "学生"),
    "member": Text("members", "会员"),
    "minor": Text("minors", "未成年人"),
    "user": Text("users", "用户"),
    "household": Text("households", "家庭（户）"),
}


# What a dataset is about (``Subject.kind``).
KINDS: Mapping[str, Text] = {
    "person": Text("person", "个人"),
    "person_linked": Text("person_linked", "与个人关联"),
    "organisation": Text("organisation", "机构"),
    "reference": Text("reference", "参考表"),
    "system": Text("system", "系统数据"),
    "unknown": Text("unknown", "未知"),
}


def role_text(role: str) -> Text:
    """``patients`` / ``患者``; a role the table does not know is named by its id."""
    return ROLES.get(role) or Text(role + "s", role)


# Why a dataset has its subject, and what the subject changes in a field's verdict
# (``dataflow/subject/``). JSON keeps the English sentence; the reports show it in ``--lang``.
SUBJECTS: Mapping[str, Text] = {
    "subject.link": Text(
        "{dataset}.{column} → {target} ({via})", "{dataset}.{column} → {target}（{via}）"
    ),
    "subject.a_person": Text("a person", "某个人"),
    "via.foreign_key": Text("foreign_key", "外键"),
    "via.naming": Text("naming", "命名"),
    "via.comment": Text("comment", "注释"),
    "via.nesting": Text("nesting", "嵌套"),
    "subject.api_path": Text(
        "the API operations sending or returning it name their resource by the path parameter"
        " '{column}', a person's key: it is that person's",
        "收发该数据的接口操作以路径参数 '{column}'（个人的标识）定位资源：其内容属于该本人",
    ),
    "subject.api_end_user": Text(
        "the API is called with a signed-in person's credentials and its purpose names the"
        " {word} it serves: what it sends and returns is that person's",
        "该接口以登录本人的凭证调用，且其用途说明指向所服务的{word}：其收发的内容属于该本人",
    ),
    "subject.api_own_things": Text(
        "the API's purpose speaks to its caller as the owner of '{word}', and it does not"
        " declare machine credentials only: what it sends and returns is that person's",
        "该接口的用途说明把调用者称为“{word}”的所有者，且未声明仅限机器凭证：其收发的内容属于该本人",
    ),
    "subject.child_column": Text("column '{column}' names a child", "字段 '{column}' 指向儿童"),
    "subject.served_person": Text(
        "column '{column}' points at {role}, whom the staff on the record serve: the record is theirs",
        "字段 '{column}' 指向记录中工作人员所服务的{role}：记录属于其本人",
    ),
    "subject.children_context": Text(
        "'{word}' says its people are children", "'{word}' 表明其人员为儿童"
    ),
    "subject.school_classes": Text(
        "'{dataset}' places pupils in school grades and classes: pupils of a primary or middle "
        "school are treated as children",
        "'{dataset}' 按年级和班级编排学生：中小学学生按儿童处理",
    ),
    "subject.scan_children": Text(
        "the scan's learners are children ({evidence}), and its rows are a learner's",
        "本次扫描的学员为儿童（{evidence}），其各行属于学员",
    ),
    "subject.scan_classes": Text(
        "'{dataset}' places pupils in school grades and classes, and no higher education or"
        " adult learning is named",
        "'{dataset}' 按年级和班级编排学生，且未出现高等教育或成人教育",
    ),
    "subject.scan_context": Text(
        "'{word}' on '{dataset}' names a school or care for young children",
        "'{dataset}' 上的 '{word}' 表明是幼儿或中小学教育",
    ),
    "subject.scan_child_table": Text(
        "'{dataset}' is a table of children ('{word}')", "'{dataset}' 是儿童的数据表（'{word}'）"
    ),
    "subject.scan_pupil_word": Text(
        "'{dataset}' names school pupils ('{word}')", "'{dataset}' 指中小学学生（'{word}'）"
    ),
    "subject.child_columns": Text("columns {columns} describe a child", "字段 {columns} 描述儿童"),
    "subject.child_record": Text(
        "it points at '{dataset}', a child's record: its information is the child's",
        "指向儿童的记录 '{dataset}'：其信息属于该儿童",
    ),
    "subject.device_location": Text(
        "{name} says where a device ({column}) is: a device a person carries, so its location is"
        " that person's",
        "{name} 记录设备（{column}）的位置：设备由人随身携带，其位置即此人的位置",
    ),
    "subject.birth_record": Text(
        "{name} is a birth record ('{word}') naming each person's father and mother ({columns}):"
        " a newborn's file, so the person is a child",
        "{name} 是出生记录（'{word}'），记录每人的父亲和母亲（{columns}）：新生儿的档案，按儿童处理",
    ),
    "subject.pupil_parents": Text(
        "columns {columns} name each student's parents or guardian, and no higher education is "
        "named: a school's pupils are treated as children",
        "字段 {columns} 记录每名学生的父母或监护人，且未提及高等教育：学校的学生按儿童处理",
    ),
    "subject.children_guardians": Text(
        "'{word}' says its people are children, and columns {columns} name each one's parents",
        "'{word}' 表明其人员为儿童，字段 {columns} 记录其家长",
    ),
    "subject.reference_name": Text(
        "name '{name}': '{word}' marks a code list or dictionary",
        "名称 '{name}'：'{word}' 表明是代码表或字典",
    ),
    "subject.reference_zh": Text(
        "'{word}' marks a code list or dictionary", "'{word}' 表明是代码表或字典"
    ),
    "subject.system_name": Text(
        "name '{name}': '{word}' marks configuration or system data",
        "名称 '{name}'：'{word}' 表明是配置或系统数据",
    ),
    "subject.definition_columns": Text(
        "columns {columns} define a saved query or report: configuration, not anyone's record",
        "字段 {columns} 定义已保存的查询或报表：属于配置，而非某人的记录",
    ),
    "subject.system_comment": Text(
        "comment says '{word}' (system data)", "注释为 '{word}'（系统数据）"
    ),
    "subject.role_name": Text("name '{name}' names {roles}", "名称 '{name}' 指{roles}"),
    "subject.document": Text(
        "name '{name}': '{word}' is a document about one person",
        "名称 '{name}'：'{word}' 是关于某个人的档案",
    ),
    "subject.person_file": Text(
        "name '{name}': '{word}' of {roles} is a person's file",
        "名称 '{name}'：{roles}的 '{word}' 是个人档案",
    ),
    "subject.reference_but_person": Text(
        "name '{name}' ('{word}') names a code list, but columns {columns} describe a person",
        "名称 '{name}'（'{word}'）指代码表，但字段 {columns} 描述的是个人",
    ),
    "subject.system_but_person": Text(
        "name '{name}' ('{word}') names a system table, but columns {columns} describe a person",
        "名称 '{name}'（'{word}'）指系统表，但字段 {columns} 描述的是个人",
    ),
    "subject.org_but_person": Text(
        "name '{name}' names organisations, but columns {columns} describe a person",
        "名称 '{name}' 指机构，但字段 {columns} 描述的是个人",
    ),
    "subject.row_statement_role": Text(
        "its description says each record is {phrase}: rows of {roles}",
        "其说明称每条记录是 {phrase}：每行是{roles}",
    ),
    "subject.described_fields": Text(
        "{count} of its field descriptions say whose the values are ('{phrase}')",
        "其 {count} 个字段的说明写明所属之人（'{phrase}'）",
    ),
    "subject.requested_person": Text(
        "its description says a call must be given one person's {phrase}: rows of {roles}",
        "其说明称调用须提供某个人的{phrase}：每行是{roles}",
    ),
    "subject.described_owner": Text(
        "its description says whose it is ('{phrase}'): rows of {roles}",
        "其说明写明所属之人（'{phrase}'）：每行是{roles}",
    ),
    "subject.row_statement_record": Text(
        "its description says each record is {phrase}: {family}, always someone's record",
        "其说明称每条记录是 {phrase}：属于{family}，总是某个人的记录",
    ),
    "subject.row_statement_thing": Text(
        "its description says each record is {phrase}: a thing, not about the people its columns name",
        "其说明称每条记录是 {phrase}：是事物，不属于其字段提到的人",
    ),
    "subject.row_statement_grouped": Text(
        "its description says each record is {phrase}, and more dimensions: figures summed over a group, not one person's",
        "其说明称每条记录是按多个维度汇总的数据（{phrase} 等）：是一组人的统计值，不属于某个人",
    ),
    "subject.aggregate": Text(
        "columns {columns} are statistics over many rows, not one person's",
        "字段 {columns} 是多行的统计值，不属于某个人",
    ),
    "subject.audience_metrics": Text(
        "columns {columns} are figures summed over the people an ad or a mail-out reached, not one person's",
        "字段 {columns} 是广告或群发邮件触达人群的汇总数据，不属于某个人",
    ),
    "subject.chart_of_accounts": Text(
        "its accounts are a business's chart of accounts ({words}): ledger accounts of its books, not a person's",
        "其账户是企业的会计科目（{words}）：属于企业账簿的科目，不是个人账户",
    ),
    "subject.religious_affiliation": Text(
        "'{column}' points at {name}, a religious organisation: the person's faith community",
        "'{column}' 指向宗教组织 {name}：表明此人所属的宗教团体",
    ),
    "subject.congregation_standing": Text(
        "'{column}' is the member's standing in the faith community ({words}) on a record of their"
        " religious life ({religious}): religious belief",
        "'{column}' 是成员在宗教团体中的身份或状态（{words}），所在记录载有其宗教生活（{religious}）：属于宗教信仰",
    ),
    "subject.organisation_record": Text(
        "{source}.{column} → {name}: a record of the organisation {name}, linked to no person",
        "{source}.{column} → {name}：属于组织 {name} 的记录，未关联任何个人",
    ),
    "subject.ledger_bill": Text(
        "its records are bills and the scan holds the chart of accounts {name}: the business's"
        " books of what it billed or was billed, not a person's",
        "其记录是账单，且本次扫描含会计科目表 {name}：属于企业的应收应付账务，不是个人的记录",
    ),
    "subject.ledger_posting": Text(
        "column '{column}' posts to the chart of accounts {name}: the business's bookkeeping",
        "字段 '{column}' 记入会计科目表 {name}：属于企业的账务记录",
    ),
    "subject.ledger_account_column": Text(
        "column '{column}' names a ledger account of the business's books, not a person's account",
        "字段 '{column}' 指企业账簿的会计科目，不是个人账户",
    ),
    "subject.change_envelope": Text(
        "'{column}' describes the captured change (its operation, time or source), not the person of the row",
        "'{column}' 描述捕获的数据变更（操作、时间或来源），不是该行所述个人的信息",
    ),
    "subject.document_envelope": Text(
        "'{column}' says how the record is written (its metadata, a code's system or version), not what it says of the person",
        "'{column}' 说明记录的编写方式（元数据、代码所属的编码系统或版本），不是关于个人的内容",
    ),
    "subject.application_credential": Text(
        "{column} carries an application's own token ('{word}'): no user's login is sent",
        "{column} 携带的是应用自身的令牌（'{word}'），不含任何用户的登录凭据",
    ),
    "subject.member_place": Text(
        "'{column}' is where the place '{member}' is (a stop, a station, a site), not where a"
        " person is",
        "'{column}' 是地点 '{member}'（站点、车站、场所）的位置，不是某个人的位置",
    ),
    "subject.oauth_client": Text(
        "'{column}' identifies an application registered with an OAuth server ('{word}'), not a"
        " person",
        "'{column}' 标识在 OAuth 服务中注册的应用（'{word}'），不是个人",
    ),
    "subject.wallet_address": Text(
        "'{column}' is the public address of a crypto wallet ('{word}'), the key of its holder's"
        " virtual assets, not a postal address",
        "'{column}' 是加密货币钱包的公开地址（'{word}'），即持有人虚拟财产的标识，不是通信地址",
    ),
    "subject.wallet_transfer": Text(
        "'{column}' belongs to a transfer on a crypto wallet (the record has the wallet's address"
        " and an amount): the holder's transaction record",
        "'{column}' 属于加密货币钱包的一笔转账（该记录有钱包地址和金额）：持有人的交易记录",
    ),
    "subject.environment_place": Text(
        "'{column}' is the place a service on the environment ('{word}') reports on, not where a person is",
        "'{column}' 是环境类服务（'{word}'）所报告的地点，不是某个人的位置",
    ),
    "subject.business_key": Text(
        "column '{column}' is described as the key of a business's account ('{phrase}'), not a person's",
        "字段 '{column}' 的说明称其为企业账户的标识（'{phrase}'），不是个人的",
    ),
    "subject.row_statement_business": Text(
        "its description says each record is {phrase}: an organisation's account or thing, not a person",
        "其说明称每条记录是 {phrase}：是组织的账户或事物，不是个人",
    ),
    "subject.message_party": Text(
        "'{column}' is the sender, the recipient or the send time of a message between persons "
        "(communication record)",
        "'{column}' 是个人之间消息的发送方、接收方或发送时间（通信记录）",
    ),
    "subject.headcount_name": Text(
        "name '{name}' counts people: the rows report on groups, not one person",
        "名称 '{name}' 表示人数统计：每行报告的是群体而非某个人",
    ),
    "subject.headcount": Text(
        "column '{column}' counts people: the rows report on a group, not one person",
        "字段 '{column}' 统计人数：每行报告的是群体而非某个人",
    ),
    "subject.contact_title": Text(
        "'{word}' is the post of the contact person the row names: that person's occupation",
        "'{word}' 是行中联系人的职位：属于该联系人的职业信息",
    ),
    "subject.org_columns_contact": Text(
        "column '{column}' names an organisation and only its contact person is named: the rows are organisations",
        "字段 '{column}' 是机构名称且只有联系人指人：每行是一个机构",
    ),
    "subject.org_columns": Text(
        "column '{column}' names an organisation and no column names a person: the rows are organisations",
        "字段 '{column}' 是机构名称且没有指人的字段：每行是一个机构",
    ),
    "subject.owned_thing": Text(
        "'{column}' is the owner's detail on the row of a thing: {name} is about the thing, not its owner",
        "'{column}' 是写在物品行上的所有人信息：{name} 描述的是物品而非其所有人",
    ),
    "subject.price_list": Text(
        "name '{name}': column '{column}' prices one unit of a thing: a price list, not a person's",
        "名称 '{name}'：字段 '{column}' 是单价：价目表，不属于某个人",
    ),
    "subject.product_catalogue": Text(
        "name '{name}': column '{column}' names the product each row is: a catalogue of"
        " products, whose terms are not a person's",
        "名称 '{name}'：字段 '{column}' 是每行所述产品的名称：产品目录，其条款不属于某个人",
    ),
    "subject.search_parameters": Text(
        "name '{name}': the parameters of a search or a listing (paged by '{column}'), not a"
        " person's record",
        "名称 '{name}'：是检索或列表请求的参数（以 '{column}' 分页），不是某个人的记录",
    ),
    "subject.offering": Text(
        "name '{name}': '{word}' is a thing offered, not about the staff member who provides it",
        "名称 '{name}'：'{word}' 是提供的项目，不属于提供它的工作人员",
    ),
    "subject.staff_handled": Text(
        "{name} has its own key '{own}' and belongs to the organisation of '{organisation}';"
        " '{column}' only names the staff member who handles it: the rows are the"
        " organisation's records, not about that person",
        "{name} 有自己的主键 '{own}'，属于 '{organisation}' 所指的组织；'{column}' 只标明经办的"
        "工作人员：这些行是组织的记录，不是关于该人员的信息",
    ),
    "subject.staff_handled_via": Text(
        "'{column}' points at {name}, an organisation's record handled by its staff: not about a person",
        "'{column}' 指向 {name}：由工作人员经办的组织记录，不是关于个人的信息",
    ),
    "subject.held_property": Text(
        "name '{name}': '{word}' is an organisation's property its staff keep, not about the keeper",
        "名称 '{name}'：'{word}' 是组织的财物，由工作人员保管，不属于保管人",
    ),
    "subject.body_measurements": Text(
        "columns {columns} measure one body: the rows are a person's body measurements",
        "字段 {columns} 是身体测量值：每行是某个人的身体指标",
    ),
    "subject.identity_number": Text(
        "column '{column}' is a person's identity-document number: the rows are that person's",
        "字段 '{column}' 是个人身份证件号码：每行属于该人",
    ),
    "subject.personal_account": Text(
        "column '{column}' is a person's own account number: the rows are that person's",
        "字段 '{column}' 是个人账号：每行属于该人",
    ),
    "subject.identity_document": Text(
        "'{column}' is the number of that person's identity document (ID card, passport…)",
        "'{column}' 是该人身份证件（身份证、护照等）的号码",
    ),
    "subject.document_number": Text(
        "'{column}' is the number of the document the table records ('{document}')",
        "'{column}' 是该表所记录证件的号码（'{document}'）",
    ),
    "subject.post": Text(
        "name '{name}': rows are an organisation's posts ('{word}'), keyed by '{column}'",
        "名称 '{name}'：每行是机构的岗位（'{word}'），以 '{column}' 为键",
    ),
    "subject.health_columns": Text(
        "columns {columns} are health information: the rows are a person's health record",
        "字段 {columns} 是健康信息：每行是某个人的健康记录",
    ),
    "subject.org_name": Text(
        "name '{name}': '{word}' names organisations", "名称 '{name}'：'{word}' 指机构"
    ),
    "subject.rows_of_role": Text(
        "name '{name}' says its rows belong to {roles}", "名称 '{name}' 表明每行属于{roles}"
    ),
    "subject.actor": Text(
        "a log of actions: column '{column}' says who acted",
        "操作日志：字段 '{column}' 记录操作人",
    ),
    "subject.comment_role": Text("table comment names {roles}", "表注释指{roles}"),
    "subject.comment_rows": Text(
        "table comment says its rows belong to {roles}", "表注释表明每行属于{roles}"
    ),
    "subject.org_comment": Text("comment says '{word}' (organisations)", "注释为 '{word}'（机构）"),
    "subject.property_ledger": Text(
        "name '{name}': an account of '{word}' is a ledger of the organisation's things, not a "
        "person's account",
        "名称 '{name}'：'{word}' 的账（台账）是机构财物的台账，不是个人账户",
    ),
    "subject.workflow_definition": Text(
        "name '{name}': a workflow's '{word}' is part of a process definition (configuration)",
        "名称 '{name}'：流程的 '{word}' 属于流程定义（配置）",
    ),
    "subject.workflow_flow": Text(
        "name '{name}' is made of workflow words only: the engine's flows and their steps "
        "(configuration), whoever added them",
        "名称 '{name}' 只由流程词组成：流程引擎的流程及其步骤（配置），与添加者无关",
    ),
    "subject.org_stay": Text(
        "name '{name}': a record of '{word}' holds guests' stays (lodging of persons), not the "
        "place itself",
        "名称 '{name}'：'{word}' 的记录是宾客的住宿（个人住宿信息），不是场所本身",
    ),
    "subject.org_booking": Text(
        "comment says '{word}' and a column keys each row to a person: that person's bookings "
        "or visits",
        "注释为 '{word}'，且有字段将每行关联到个人：该人的预约、订单或就诊",
    ),
    "subject.identity_columns": Text("identity columns: {columns}", "身份字段：{columns}"),
    "subject.initials_identity": Text(
        "pinyin-initials column {column} names a person of the record (identity columns: {columns})",
        "拼音首字母字段 {column} 记录了一个人的身份（身份字段：{columns}）",
    ),
    "subject.role_identity": Text(
        "column '{column}' describes a person ({roles}): the rows are that person's",
        "字段 '{column}' 描述一个人（{roles}）：每行属于该人",
    ),
    "subject.input_code": Text(
        "column '{column}' is an input code of a code list", "字段 '{column}' 是代码表的输入码"
    ),
    "subject.code_and_name": Text(
        "columns '{code}' and '{name}' are the code and the name of the same thing: each row is an "
        "entry of a code list, not a person's record",
        "字段 '{code}' 和 '{name}' 是同一事物的代码和名称：每行是代码表的条目，不是个人的记录",
    ),
    "subject.family_things": Text(
        "'{word}' names what the rows are, and no key links them to a person: a list of things",
        "'{word}' 说明每行是什么，且没有指向个人的字段：是事物的列表",
    ),
    "subject.code_entry": Text(
        "'{column}' is a setting of the code list entry '{parent}', not about the person",
        "'{column}' 是代码表条目 '{parent}' 的设置，不涉及个人",
    ),
    "subject.constant": Text(
        "'{column}' allows one value only: the same in every record, about no one",
        "'{column}' 只允许一个取值：每条记录都相同，不涉及任何人",
    ),
    "subject.card_part": Text(
        "'{column}' describes the person's payment card ('{card}')",
        "'{column}' 描述此人的支付卡（'{card}'）",
    ),
    "subject.credential_envelope": Text(
        "'{column}' describes the credential (its type, issuer, schema, status or proof), not the"
        " holder its claims are about",
        "'{column}' 描述凭证本身（类型、签发方、模式、状态或证明），不涉及凭证所声明的持有人",
    ),
    "subject.credential_claim": Text(
        "'{column}' is among the credential's claims about its holder ('{holder}')",
        "'{column}' 属于凭证对其持有人的声明（'{holder}'）",
    ),
    "subject.link_member": Text(
        "'{column}' describes a hyperlink (its object has '{marker}'), not a person",
        "'{column}' 描述一个超链接（其对象含 '{marker}'），不涉及任何人",
    ),
    "subject.wearable": Text(
        "document {name} is recorded by a wearable device ('{word}'): its rows are the wearer's",
        "文档 {name} 由可穿戴设备记录（'{word}'）：每行属于佩戴者",
    ),
    "subject.error_status_reply": Text(
        "{name} is an API operation's reply to a failed call ('{status}'): a report on the call",
        "{name} 是 API 操作对失败调用的应答（'{status}'）：关于调用本身的报告",
    ),
    "subject.entry_pair": Text(
        "{column} is a member of an entry of a list of free name/value pairs ({pair}): the "
        "entry's own name or value, not information about a person by its name",
        "{column} 是自由“名称/值”条目列表中条目的成员（{pair}）：条目自身的名称或值，"
        "其名称并不表明是关于个人的信息",
    ),
    "subject.caller_self": Text(
        "{name} belongs to an API operation on the signed-in caller's own account ('{word}')",
        "{name} 属于作用于已登录调用者本人账户的 API 操作（'{word}'）",
    ),
    "subject.medical_device": Text(
        "document {name} is recorded by a patient's medical device ('{word}'): each row is that "
        "patient's",
        "文档 {name} 由患者的医疗设备记录（'{word}'）：每行属于该患者",
    ),
    "subject.medical_device_measure": Text(
        "'{column}' is what a patient's medical device measured or reported of them",
        "'{column}' 是患者的医疗设备对其测量或报告的信息",
    ),
    "subject.wearable_connector": Text(
        "'{column}' is what the device's connector adds, not a measurement of the wearer",
        "'{column}' 是设备连接器添加的信息，不是对佩戴者的测量",
    ),
    "subject.wearable_measure": Text(
        "'{column}' is what a wearable device measured of its wearer",
        "'{column}' 是可穿戴设备对佩戴者的测量",
    ),
    "subject.health_document": Text(
        "document {name} is a section of a patient's record ({family})",
        "文档 {name} 是患者记录的一部分（{family}）",
    ),
    "subject.offence_document": Text(
        "document {name} is a section of a person's criminal record ('{word}')",
        "文档 {name} 是个人违法犯罪记录的一部分（'{word}'）",
    ),
    "subject.nested": Text(
        "nested in {name}, a document about a person", "嵌套在关于个人的文档 {name} 中"
    ),
    "subject.nested_org": Text(
        "nested in {name} only as an organisation or inside one",
        "仅作为机构或在机构之内嵌套在 {name} 中",
    ),
    "subject.financial_account": Text(
        "'{column}' is the number of a financial account (its description says '{word}')",
        "'{column}' 是金融账户的号码（说明中写明 '{word}'）",
    ),
    "subject.address_pin": Text(
        "'{column}' is among the parts of an address ({why}): the postal index number of that"
        " address, not a PIN",
        "'{column}' 位于地址的各组成部分之中（{why}）：是该地址的邮政编码，不是个人识别码",
    ),
    "subject.whereabouts": Text(
        "'{column}' is where an event of that person took place or where they went ('{word}'):"
        " their whereabouts",
        "'{column}' 是该人某一事件的发生地或其去向（'{word}'）：行踪信息",
    ),
    "subject.passage_place": Text(
        "'{column}' ('{word}') is where the person passed a door or gate: a point of their"
        " movement track",
        "'{column}'（'{word}'）是该人通过门禁或闸口的地点：行踪轨迹",
    ),
    "subject.passage_photo": Text(
        "'{column}' is a picture of the person taken or registered at a door or gate: the face"
        " it recognises them by",
        "'{column}' 是门禁或闸口抓拍或登记的该人照片：用于识别的人脸图像",
    ),
    "subject.recovery_question": Text(
        "'{column}' ('{word}') on a record of the account's password or of its recovery"
        " questions is its password-recovery question or answer: authentication information",
        "'{column}'（'{word}'）位于保存账户密码或密码保护问题的表中：是密码保护问题或答案，属于鉴别信息",
    ),
    "subject.data_management": Text(
        "'{column}' says how the data warehouse handles or refreshes another table's data,"
        " not anything about a person",
        "'{column}' 说明数据仓库如何处理或刷新另一张表的数据，与个人无关",
    ),
    "subject.password_word": Text(
        "'{column}' (a word for a key or a password) on a user account's record or a record of"
        " its passwords is the account's password: authentication information",
        "'{column}'（既可指键也可指密码的词）位于用户账户或其密码记录表中：是账户密码，属于鉴别信息",
    ),
    "subject.bank_details": Text(
        "'{column}' is part of the person's bank details: the account '{account}' is kept with"
        " the bank's code '{code}'",
        "'{column}' 属于个人的银行账户信息：账号 '{account}' 与银行代码 '{code}' 一同记录",
    ),
    "subject.financial_account_table": Text(
        "'{column}' is the number of the financial account its table is named after ('{word}')",
        "'{column}' 是表名所指金融账户的号码（'{word}'）",
    ),
    "subject.wrapper": Text(
        "it wraps {member}, a record of {name}, a document about a person",
        "它包装的 {member} 是 {name} 的记录，{name} 是关于个人的文档",
    ),
    "subject.listing": Text(
        "a listing of {name}, a document about a person", "{name} 的列表，是关于个人的文档"
    ),
    "subject.same_resource": Text(
        "an operation on {resource}, like {name}, a document about a person",
        "与 {name} 同为对 {resource} 的操作，是关于个人的文档",
    ),
    "subject.event_time": Text(
        "'{column}' is when an event of that person happened",
        "'{column}' 是该人某一事件发生的时间",
    ),
    "subject.patient_record": Text(
        "'{column}' is part of that patient's record of care (health information)",
        "'{column}' 是该患者诊疗记录的一部分（健康信息）",
    ),
    "subject.sensitive_record": Text(
        "'{column}' is a detail of that person's record ({kind}), sensitive as the record is",
        "'{column}' 是该人记录（{kind}）的一部分，与该记录同属敏感个人信息",
    ),
    "subject.clinical_event": Text(
        "'{column}' says what the event of that patient's {family} record was: their health"
        " information",
        "'{column}' 记录该患者{family}记录中的事件内容，属于其健康信息",
    ),
    "subject.coded_attribute": Text(
        "'{column}' is that person's {word}, kept as a key into a list of codes",
        "'{column}' 是该人的{word}，以代码表的键保存",
    ),
    "subject.held_key": Text(
        "'{column}' keys a record that person holds (a post, a level, a card, a document)",
        "'{column}' 是该人所持有记录（岗位、级别、卡、证件）的键",
    ),
    "subject.authority_key": Text(
        "'{column}' says which role, group or permission that person holds",
        "'{column}' 表明该人拥有的角色、组或权限",
    ),
    "subject.wished_for": Text(
        "'{column}' is what the person looks for in a partner: their wish, not their own attribute",
        "'{column}' 是该人的择偶要求：是其意愿，而非其本人的属性",
    ),
    "subject.animal_detail": Text(
        "the table is about an animal ('{word}'): '{column}' is the animal's, information about "
        "its owner but not a person's health or name",
        "该表是关于动物的（'{word}'）：'{column}' 属于该动物，是其主人的相关信息，而非人的健康信息或姓名",
    ),
    "subject.care_thing_key": Text(
        "'{column}' keys a drug, vaccine or disease on the person's own record: which medicine, "
        "vaccine or illness they had, their health information",
        "'{column}' 是该人本人记录上指向药品、疫苗或疾病的键：表明其用过的药、接种的疫苗或所患疾病，"
        "属于其健康生理信息",
    ),
    "subject.person_attribute": Text(
        "'{column}' is another piece of information about that person",
        "'{column}' 是关于该人的其他信息",
    ),
    "subject.organisation_key": Text(
        "{source}.{column} names an organisation and points at it: {name} is that organisation",
        "{source}.{column} 指向它并表明是机构：{name} 是该机构",
    ),
    "subject.organisation_own_key": Text(
        "its key {column} names an organisation: the rows are organisations",
        "其主键 {column} 表明是机构：各行是机构",
    ),
    "subject.held_card": Text(
        "table {name} is a card its holder unlocks with {column}: the cardholder's account",
        "表 {name} 是持卡人以 {column} 解锁的卡：持卡人的账户",
    ),
    "subject.request_trace": Text(
        "{column} is a header of the API request that traces or deduplicates the call itself (a "
        "request, correlation or idempotency id): it identifies the request, not a person",
        "{column} 是用于追踪或去重调用本身的 API 请求头（请求、关联或幂等标识）：标识的是请求而非个人",
    ),
    "subject.request_credential": Text(
        "{column} is a header of the API request that carries the caller's credentials (a login"
        " token or a password)",
        "{column} 是 API 请求中携带调用者身份鉴别信息（登录令牌或密码）的请求头",
    ),
    "subject.gateway_envelope": Text(
        "{column} is a member of a payment gateway call's envelope (the table logs such calls),"
        " not information about the person the payment is for",
        "{column} 是支付网关调用报文的协议字段（该表记录此类调用），不是付款人的个人信息",
    ),
    "subject.thing_name": Text(
        "comment '{comment}' calls {column} the name of a thing, not of a person",
        "注释 '{comment}' 表明 {column} 是事物的名称，不是人的姓名",
    ),
    "subject.dwelling": Text(
        "{person}.{column} points at it: {name} is that person's dwelling",
        "{person}.{column} 指向它：{name} 是该人的住所",
    ),
    "subject.leased_bill": Text(
        "{lease} lets {name} to its tenant: a bill or debt filed under {name} is the tenant's",
        "{lease} 将 {name} 租给承租人：记在 {name} 名下的账单或欠款是承租人的",
    ),
    "subject.care_report": Text(
        "{person}.{column} points at it: {name} is that patient's report, prescription or"
        " readings (vital signs, measurements)",
        "{person}.{column} 指向它：{name} 是该患者的报告、处方或测量记录（生命体征等）",
    ),
    "subject.payable": Text(
        "{person}.{column} points at it: {name} is what that person pays",
        "{person}.{column} 指向它：{name} 是该人支付的款项",
    ),
    "subject.column_role": Text("column '{column}' names {roles}", "字段 '{column}' 指{roles}"),
    "subject.health_record": Text(
        "most of its columns are health information: a record of someone's care",
        "其多数字段为健康信息：某人的诊疗记录",
    ),
    "subject.health_list": Text(
        "it is named for health things and links to no one: a list of them (a drug list, a "
        "disease or code list), not anyone's record",
        "表名为健康事物且不关联任何人：是此类事物的列表（药品目录、疾病或编码表），而非某人的记录",
    ),
    # describe(): what the table is, then why
    "subject.table": Text("table {name} is {what}", "表 {name} {what}"),
    "subject.table_why": Text("table {name} is {what} ({why})", "表 {name} {what}（{why}）"),
    "kind.person": Text("about people", "是关于个人的"),
    "kind.person_role": Text("about {roles}", "是关于{roles}的"),
    "kind.person_linked": Text("person-linked", "与个人关联"),
    "kind.organisation": Text("about organisations", "是关于机构的"),
    "kind.reference": Text(
        "a reference table (code list or dictionary)", "是参考表（代码表或字典）"
    ),
    "kind.system": Text(
        "system data (configuration, jobs, metadata)", "是系统数据（配置、任务、元数据）"
    ),
    # field verdicts in the light of the subject: "{context}; {why}"
    "subject.because": Text("{context}; {why}", "{context}；{why}"),
    "subject.record_id": Text(
        "nothing says table {name} is about people; '{column}' is the unique id of a record",
        "没有依据表明表 {name} 是关于个人的；'{column}' 是记录的唯一标识",
    ),
    "subject.row_editor": Text(
        "'{column}' names who created or last changed the row: the database's audit trail, not "
        "information the table holds about a person",
        "'{column}' 记录该行的创建或修改人：属于数据库的操作留痕，而非该表所载的个人信息",
    ),
    "subject.staff_name_copy": Text(
        "'{column}' names the {role} the row's key points at: the row is not about them, but "
        "their name is personal information",
        "'{column}' 是该行所关联的{role}的姓名：该行并非关于此人，但其姓名属于个人信息",
    ),
    "subject.not_person": Text(
        "its words name kinds of things, not a person's data",
        "其用词指的是事物的种类，而非个人的信息",
    ),
    "subject.membership_card": Text(
        "a card number of a membership or all-in-one card table is not a bank card unless "
        "its values validate as one",
        "会员卡或一卡通表中的卡号不是银行卡号，除非其取值校验为银行卡号",
    ),
    "subject.person_record": Text(
        "'{word}' in a record of one person is that person's",
        "单个人的记录中的 '{word}' 属于该人",
    ),
    "subject.person_name": Text("'{word}' is the name of a person", "'{word}' 是人的姓名"),
    "subject.person_number": Text("'…{word}' is a person's number", "'…{word}' 是人的编号"),
    "subject.names_person": Text("'{word}' names a person", "'{word}' 指某个人"),
    "subject.family": Text(
        "'{word}' is {category} ({family})", "'{word}' 属于{category}（{family}）"
    ),
    "subject.comment_says": Text(
        "its comment says '{word}', {category}", "其注释为 '{word}'，属于{category}"
    ),
    "subject.staff_name": Text(
        "a text column '{column}' names the {staff} on the record",
        "文本字段 '{column}' 记录该记录上的{staff}",
    ),
    "subject.comment_role_name": Text(
        "its comment ends in '{word}', a person in a role ({staff}): the column names that person",
        "其注释以 '{word}' 结尾，指某一角色的人（{staff}）：该字段记录此人",
    ),
    "subject.document_part": Text(
        "'{column}' is part of '{parent}' in a document about one person: it describes that person",
        "'{column}' 属于关于单个人的文档中的 '{parent}'：描述该人",
    ),
    "subject.employer": Text(
        "'{column}' names an organisation ('{word}'): on an employee's record, their employer",
        "'{column}' 指机构（'{word}'）：在员工的记录中即其工作单位",
    ),
    "subject.post_key": Text(
        "'{column}' is the key of a post: the job the person holds or applies for",
        "'{column}' 是岗位的键：该人担任或申请的职位",
    ),
    "subject.rows_are_people": Text(
        "the table's name or comment suggested things, but its columns show its rows are "
        "people: '{column}' is that person's",
        "表名或注释看似指物，但其字段表明每行是个人：'{column}' 属于该人",
    ),
    "subject.the_persons": Text("the person's", "该人的"),
    "subject.log_entry": Text(
        "'{column}' records what the person did or when: part of their activity log",
        "'{column}' 记录该人做了什么或何时做的：属于其操作记录",
    ),
    "subject.treating_staff": Text(
        "'{column}' names the {party} who treats the person: part of their health care",
        "'{column}' 是为该人诊治的{party}：属于其诊疗信息",
    ),
    "subject.care_party": Text(
        "'{column}' of '{parent}' says who or where treats the person: part of their health care",
        "'{parent}' 的 '{column}' 说明由谁、在何处为该人诊治：属于其诊疗信息",
    ),
    "subject.care_fact": Text(
        "'{name}' is a fact table of {family} beside patients' records: some patient's care",
        "'{name}' 是与患者记录并存的{family}事实表：属于某位患者的诊疗",
    ),
    "subject.personal_record": Text(
        "name '{name}' makes it a record of {family}: some person's, whether or not it names them",
        "名称 '{name}' 表明其为{family}：无论是否写明，均属某个人",
    ),
    "subject.network_cell": Text(
        "'{column}' beside a location area is the network cell that served the phone: part of"
        " the subscriber's network record",
        "'{column}' 与位置区码并列，是为该手机提供服务的网络小区：属于用户的通信记录",
    ),
    "subject.card_ledger": Text(
        "name '{name}' and the payment cards {columns} make it the cardholders' account flow:"
        " some person's, whether or not it names them",
        "名称 '{name}' 及银行卡字段 {columns} 表明其为持卡人的账户流水：无论是否写明，均属某个人",
    ),
    "subject.personal_record_columns": Text(
        "columns {columns} make it a record of {family}: some person's, whether or not it names"
        " them",
        "字段 {columns} 表明其为{family}：无论是否写明，均属某个人",
    ),
    "subject.topic": Text(
        "a record of {family}: its attributes are that information",
        "{family}记录：其属性即为该类信息",
    ),
    "subject.minor": Text(
        "all personal information of a child under 14 is sensitive (PIPL Art. 28)",
        "不满十四周岁未成年人的个人信息均为敏感个人信息（《个人信息保护法》第二十八条）",
    ),
}
