-- Bronze: web-shop order lines.
{{ config(materialized='table') }}

select
    cast(order_id as varchar)              as order_id,
    cast(line_number as integer)           as line_number,
    sku,
    cast(quantity as integer)              as quantity,
    cast(unit_price as decimal(18, 2))     as unit_price,
    _loaded_at
from {{ source('raw_sales', 'order_items') }}
