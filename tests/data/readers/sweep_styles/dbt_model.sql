{{ config(materialized='view') }}

with src as (select * from {{ source('crm', 'users') }})
select
  cast(user_id as varchar) as customer_key,
  first_name, last_name, email,
  {{ dbt_utils.generate_surrogate_key(['user_id']) }} as customer_hk
from src
