"""A person's login records: the credential of an identity/credential login table and the
password-recovery question and answer kept beside an account's password are authentication
information (鉴别信息, GB/T 35273-2020 Annex B), sensitive; a question and an answer without a
password are not."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

ACCOUNTS = """
CREATE TABLE `user` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `username` varchar(50) NOT NULL,
  `password` varchar(50) NOT NULL,
  `email` varchar(50) DEFAULT NULL,
  `question` varchar(100) DEFAULT NULL,
  `answer` varchar(100) DEFAULT NULL,
  PRIMARY KEY (`id`)
);
CREATE TABLE `member` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `login_name` varchar(50) COMMENT '登录名',
  `login_pwd` varchar(64) COMMENT '登录密码',
  `q1` varchar(100) COMMENT '问题',
  `a1` varchar(100) COMMENT '答案',
  PRIMARY KEY (`id`)
);
CREATE TABLE `user_identity` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `user_id` int(10) unsigned NOT NULL COMMENT '用户id',
  `identity_type` varchar(100) NOT NULL,
  `identifier` varchar(100) DEFAULT NULL,
  `credential` varchar(100) DEFAULT NULL,
  `create_time` datetime(3) NOT NULL,
  PRIMARY KEY (`id`)
);
CREATE TABLE `faq` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `question` varchar(200) COMMENT '问题',
  `answer` text COMMENT '答案',
  PRIMARY KEY (`id`)
);
"""


def test_a_question_and_answer_beside_a_password_are_authentication_information(
    tmp_path: Path,
) -> None:
    results = _scan(tmp_path, {"accounts.sql": ACCOUNTS})
    for table, columns in (("user", ("question", "answer")), ("member", ("q1", "a1"))):
        for column in columns:
            found = finding_of(results[table], column)
            assert found.element == "pi.credential.security_answer", (table, column)
            assert found.sensitive, (table, column)
    assert not finding_of(results["user"], "email").sensitive


def test_an_faqs_question_and_answer_are_not_credentials(tmp_path: Path) -> None:
    faq = _scan(tmp_path, {"accounts.sql": ACCOUNTS})["faq"]
    for column in ("question", "answer"):
        assert not finding_of(faq, column).sensitive, column


def test_the_credential_of_a_login_identity_is_authentication_information(
    tmp_path: Path,
) -> None:
    """`identity_type` / `identifier` / `credential`: the way a user logs in, the login name and
    its password or token."""
    found = finding_of(_scan(tmp_path, {"accounts.sql": ACCOUNTS})["user_identity"], "credential")
    assert found.sensitive
    assert found.category == "pi.credential"


SPANISH_ACCOUNTS = """
CREATE TABLE apex_usuario (usuario varchar(60) PRIMARY KEY, clave varchar(128) NOT NULL,
  nombre text, email text, bloqueado smallint);
CREATE TABLE apex_usuario_pregunta_secreta (cod_pregunta_secreta int PRIMARY KEY,
  usuario varchar(60) REFERENCES apex_usuario (usuario), pregunta text, respuesta text,
  activa smallint);
CREATE TABLE apex_usuario_pwd_usados (cod int PRIMARY KEY,
  usuario varchar(60) REFERENCES apex_usuario (usuario), clave varchar(128),
  algoritmo varchar(10), fecha_cambio date);
CREATE TABLE apex_config (id int PRIMARY KEY, clave varchar(60), valor text);
"""


def test_a_spanish_user_accounts_clave_and_secret_question_are_credentials(
    tmp_path: Path,
) -> None:
    """`clave` is a key or a password by its record: on a user account's own row and on the
    table of the passwords a user had before it is the password; a configuration's `clave` (a
    key beside its `valor`) is not. A table of secret questions (`pregunta_secreta`) holds the
    account's recovery question and answer, though the password is kept elsewhere."""
    found = _scan(tmp_path, {"usuarios.sql": SPANISH_ACCOUNTS})
    for table in ("apex_usuario", "apex_usuario_pwd_usados"):
        clave = {f.field.name: f for f in found[table].findings}["clave"]
        assert clave.element == "pi.credential.password", table
        assert clave.sensitive, table
    config = {f.field.name: f for f in found["apex_config"].findings}
    assert config["clave"].element != "pi.credential.password"
    questions = {f.field.name: f for f in found["apex_usuario_pregunta_secreta"].findings}
    for column in ("pregunta", "respuesta"):
        assert questions[column].element == "pi.credential.security_answer", column
        assert questions[column].sensitive, column


BACKUP_CODES = """
openapi: 3.0.0
info: {title: Backup codes, version: 1.0.0}
paths: {}
components:
  schemas:
    BackupCodeResponse:
      type: object
      properties:
        backupCodes:
          type: array
          items: {type: string}
"""


def test_two_factor_backup_codes_are_one_time_codes(tmp_path: Path) -> None:
    """A two-factor login's backup codes are single-use codes that let their holder in: one-time
    verification codes, authentication information (sensitive)."""
    found = _scan(tmp_path, {"backup.yaml": BACKUP_CODES})
    (codes,) = found["BackupCodeResponse"].findings
    assert codes.element == "pi.credential.verification_code"
    assert codes.sensitive
