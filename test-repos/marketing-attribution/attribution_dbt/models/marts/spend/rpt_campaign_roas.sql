-- Return on ad spend per campaign and week (linear attribution).
{{ config(materialized='table') }}

with spend as (
    select
        utm_campaign,
        date_trunc('week', spend_date)            as week_start,
        sum(spend)                                as spend,
        sum(clicks)                               as clicks
    from {{ ref('stg_ads__campaign_spend') }}
    group by 1, 2
),

revenue as (
    select
        utm_campaign,
        date_trunc('week', converted_at)          as week_start,
        sum(attributed_revenue)                   as attributed_revenue
    from {{ ref('fct_attribution_linear') }}
    group by 1, 2
)

select
    s.utm_campaign,
    s.week_start,
    s.spend,
    s.clicks,
    coalesce(r.attributed_revenue, 0)             as attributed_revenue,
    case when s.spend > 0 then coalesce(r.attributed_revenue, 0) / s.spend end as roas
from spend as s
left join revenue as r
  on r.utm_campaign = s.utm_campaign
 and r.week_start = s.week_start
