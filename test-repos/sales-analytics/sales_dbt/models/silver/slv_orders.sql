-- Silver: completed orders with their line totals.
{{ config(materialized='table') }}

with lines as (
    select
        order_id,
        count(*)                         as line_count,
        sum(quantity * unit_price)       as order_total
    from {{ ref('brz_order_items') }}
    group by order_id
)

select
    o.order_id,
    o.customer_id,
    o.ordered_at,
    cast(o.ordered_at as date)           as order_date,
    o.currency,
    coalesce(l.line_count, 0)            as line_count,
    coalesce(l.order_total, 0)           as order_total
from {{ ref('brz_orders') }} as o
left join lines as l on l.order_id = o.order_id
where o.status = 'completed'
