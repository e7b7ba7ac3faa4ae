-- Linear attribution: revenue shared equally between every touch.
{{ config(materialized='table') }}

select
    opportunity_id,
    contact_id,
    session_id,
    utm_source,
    utm_medium,
    utm_campaign,
    converted_at,
    revenue / touch_count             as attributed_revenue
from {{ ref('int_touchpoints') }}
