-- A CRM contact table with char, varchar(n), unbounded varchar, text, "char" and name columns.
CREATE SCHEMA crm;
CREATE TABLE crm.contacts (
    id bigserial PRIMARY KEY,
    country char(2) NOT NULL DEFAULT 'US',
    state character(3),
    bare_char char,
    email varchar(254) NOT NULL,
    notes character varying,
    bio text DEFAULT '',
    kind "char" DEFAULT 'p',
    login name,
    phone varchar(32) CHECK (phone ~ '^[0-9+ -]+$'),
    UNIQUE (email)
);
CREATE INDEX contacts_email_lower ON crm.contacts (lower(email) varchar_pattern_ops);
