-- Silver: one row per customer (latest CRM load wins), e-mail normalised.
{{ config(materialized='table') }}

with ranked as (
    select
        *,
        row_number() over (partition by customer_id order by _loaded_at desc) as rn
    from {{ ref('brz_customers') }}
)

select
    customer_id,
    lower(trim(email))      as email,
    first_name,
    last_name,
    upper(country_code)     as country_code,
    created_at
from ranked
where rn = 1
