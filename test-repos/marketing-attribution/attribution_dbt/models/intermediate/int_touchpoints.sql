-- Every marketing touch of a contact that precedes a conversion within the look-back window.
{{ config(materialized='table') }}

select
    o.opportunity_id,
    o.contact_id,
    o.converted_at,
    o.revenue,
    s.session_id,
    s.started_at                      as touched_at,
    s.utm_source,
    s.utm_medium,
    s.utm_campaign,
    row_number() over (partition by o.opportunity_id order by s.started_at)      as touch_number,
    count(*) over (partition by o.opportunity_id)                                as touch_count
from {{ ref('stg_crm__opportunities') }} as o
join {{ ref('stg_web__sessions') }} as s
  on s.contact_id = o.contact_id
 and s.started_at <= o.converted_at
 and s.started_at >= o.converted_at - interval '{{ var("attribution_lookback_days") }} days'
