-- Staging: CRM contacts.
select
    contact_id,
    lower(trim(email))                as email,
    company_name,
    cast(created_at as timestamp)     as created_at
from {{ source('crm', 'contacts') }}
