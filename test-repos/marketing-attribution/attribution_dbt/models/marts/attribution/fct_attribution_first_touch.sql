-- First-touch attribution: all revenue to the first touch.
{{ config(materialized='table') }}

select
    opportunity_id,
    contact_id,
    utm_source,
    utm_medium,
    utm_campaign,
    converted_at,
    revenue                           as attributed_revenue
from {{ ref('int_touchpoints') }}
where touch_number = 1
