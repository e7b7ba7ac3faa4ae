-- Bronze: customers exactly as the CRM exported them, with load metadata.
{{ config(materialized='table') }}

select
    cast(customer_id as varchar)   as customer_id,
    email,
    first_name,
    last_name,
    country_code,
    cast(created_at as timestamp)  as created_at,
    _loaded_at
from {{ source('raw_sales', 'customers') }}
