-- run by a dbt on-run-start hook
{% set audit_schema = target.schema ~ '_audit' %}
CREATE TABLE IF NOT EXISTS {{ audit_schema }}.patient_contact (
  patient_id   BIGINT NOT NULL,
  mobile_phone VARCHAR(20),   {# normalised to E.164 #}
  home_address VARCHAR(200),
  loaded_at    TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
