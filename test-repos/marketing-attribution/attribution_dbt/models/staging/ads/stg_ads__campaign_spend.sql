-- Staging: ad spend per campaign per day, in one currency-agnostic shape.
select
    lower(platform)                   as ad_platform,
    campaign_id,
    campaign_name,
    lower(utm_campaign)               as utm_campaign,
    cast(spend_date as date)          as spend_date,
    cast(spend as decimal(18, 2))     as spend,
    cast(impressions as bigint)       as impressions,
    cast(clicks as bigint)            as clicks
from {{ source('ads', 'campaign_spend') }}
