"""Names of the closed vocabularies (grades, mechanisms, risks, sensitive groups, severities)."""

from __future__ import annotations

from collections.abc import Mapping

from dataflow import vocab
from dataflow.model import Text
from dataflow.vocab import Mechanism, Risk

GRADES: Mapping[str, Text] = {
    "general-1": Text("general-1 (public)", "一般数据 1 级（公开）"),
    "general-2": Text("general-2 (internal)", "一般数据 2 级（内部）"),
    "general-3": Text("general-3 (personal information)", "一般数据 3 级（个人信息）"),
    "general-4": Text(
        "general-4 (sensitive personal information)", "一般数据 4 级（敏感个人信息）"
    ),
    "important": Text("important data", "重要数据"),
    "core": Text("core data", "核心数据"),
}

MECHANISMS: Mapping[str, Text] = {
    Mechanism.BLOCKED: Text("blocked: the transfer must not take place", "禁止出境"),
    Mechanism.PROHIBITED: Text("prohibited", "禁止出境"),
    Mechanism.SECURITY_ASSESSMENT: Text("CAC security assessment", "数据出境安全评估"),
    Mechanism.STANDARD_CONTRACT: Text(
        "standard contract filing or PI protection certification",
        "个人信息出境标准合同备案或个人信息保护认证",
    ),
    Mechanism.EXEMPT: Text("exempt: no mechanism required", "免予申报（无需出境机制）"),
    Mechanism.NOT_APPLICABLE: Text(
        "not applicable: outside the cross-border rules", "不适用出境规则"
    ),
    Mechanism.COVERED: Text("covered by an existing approval", "已有有效批准覆盖"),
}

RISKS: Mapping[str, Text] = {
    Risk.BLOCKED: Text("blocked", "阻断"),
    Risk.CRITICAL: Text("critical", "严重"),
    Risk.HIGH: Text("high", "高"),
    Risk.MEDIUM: Text("medium", "中"),
    Risk.LOW: Text("low", "低"),
}

RISK_ORDER: tuple[str, ...] = vocab.RISKS

SENSITIVE_GROUPS: Mapping[str, Text] = {
    "biometrics": Text("biometrics", "生物识别"),
    "religion": Text("religious belief", "宗教信仰"),
    "specific_identity": Text("specific identity", "特定身份"),
    "health": Text("medical and health", "医疗健康"),
    "financial_account": Text("financial account", "金融账户"),
    "whereabouts": Text("whereabouts", "行踪轨迹"),
    "minors_under_14": Text("minors under 14", "不满十四周岁未成年人"),
    "other": Text("other sensitive", "其他敏感"),
}

SEVERITIES: Mapping[str, Text] = {
    "error": Text("error", "错误"),
    "warning": Text("warning", "警告"),
    "info": Text("note", "说明"),
}
