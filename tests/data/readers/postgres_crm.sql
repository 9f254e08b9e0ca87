CREATE TABLE crm.contacts (
    contact_id SERIAL PRIMARY KEY,
    full_name TEXT NOT NULL,
    email VARCHAR(255),
    address JSONB,
    created_at TIMESTAMPTZ DEFAULT now()
);

COMMENT ON TABLE crm.contacts IS '联系人';
COMMENT ON COLUMN crm.contacts.full_name IS '联系人姓名';
COMMENT ON COLUMN crm.contacts.email IS 'E-mail address';

CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $body$
BEGIN
  NEW.created_at := now(); -- a semicolon inside dollar quotes
  RETURN NEW;
END;
$body$ LANGUAGE plpgsql;

CREATE INDEX contacts_email ON crm.contacts (email);
