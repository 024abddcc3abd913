-- UNIQUE constraints: multi-column, INCLUDE, WITH storage parameters, DEFERRABLE and INITIALLY DEFERRED.
CREATE SCHEMA uq;
CREATE TABLE uq.accounts (
    id int PRIMARY KEY,
    email text UNIQUE,
    tenant int,
    handle text,
    pos int,
    note text,
    CONSTRAINT accounts_tenant_handle UNIQUE (tenant, handle) INCLUDE (note),
    CONSTRAINT accounts_pos UNIQUE (pos) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT accounts_handle_imm UNIQUE (handle) DEFERRABLE INITIALLY IMMEDIATE,
    CONSTRAINT accounts_note UNIQUE (note) WITH (fillfactor = 70)
);
ALTER TABLE uq.accounts ADD UNIQUE (tenant, email);
