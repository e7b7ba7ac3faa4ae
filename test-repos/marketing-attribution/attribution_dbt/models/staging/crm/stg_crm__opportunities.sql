-- Staging: closed-won opportunities, the conversions we attribute.
select
    opportunity_id,
    contact_id,
    cast(closed_at as timestamp)      as converted_at,
    cast(amount as decimal(18, 2))    as revenue
from {{ source('crm', 'opportunities') }}
where lower(stage) = 'closed won'
