-- Bronze: web-shop order headers, typed but otherwise untouched.
{{ config(materialized='table') }}

select
    cast(order_id as varchar)       as order_id,
    cast(customer_id as varchar)    as customer_id,
    cast(ordered_at as timestamp)   as ordered_at,
    lower(status)                   as status,
    currency,
    _loaded_at
from {{ source('raw_sales', 'orders') }}
