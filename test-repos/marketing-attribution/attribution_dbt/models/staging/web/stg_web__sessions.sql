-- Staging: web sessions with their marketing touch (UTM) parameters.
select
    session_id,
    anonymous_id,
    contact_id,
    cast(started_at as timestamp)     as started_at,
    lower(utm_source)                 as utm_source,
    lower(utm_medium)                 as utm_medium,
    lower(utm_campaign)               as utm_campaign,
    landing_page
from {{ source('web', 'sessions') }}
where started_at is not null
