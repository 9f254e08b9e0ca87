{#
  Use the custom schema name as it is, without the target's prefix.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
  {%- if custom_schema_name is not none -%}
    {{ return(custom_schema_name | trim) }}
  {%- else -%}
    {{ return(target.schema) }}
  {%- endif -%}
{%- endmacro %}

{% macro hashkey(cols) -%}
  MD5(CONCAT_WS('||', {% for c in cols %}COALESCE(CAST({{ c }} AS VARCHAR), ''){% if not loop.last %}, {% endif %}{% endfor %}))
{%- endmacro %}
