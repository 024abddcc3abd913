-- Fixture 01_saas_app: a multi-tenant SaaS schema split over `app` and `billing`.
-- Covers: schema owners/comments/grants; extensions citext, hstore, pg_trgm, btree_gist
-- installed into their own schema `ext` (citext/hstore columns, gin_trgm_ops index,
-- btree_gist exclusion constraint); column types with typmods and arrays; COLLATE "C";
-- defaults (constants, expressions, now(), gen_random_uuid(), nextval of a standalone
-- sequence); identity columns ALWAYS / BY DEFAULT with custom sequence names and options;
-- serial/bigserial; generated stored columns; a dropped column in the middle; per-column
-- STORAGE / STATISTICS / n_distinct; PK, UNIQUE, multi-column UNIQUE, CHECK (NOT VALID,
-- NO INHERIT); foreign keys with every ON DELETE/ON UPDATE action, MATCH FULL, DEFERRABLE
-- INITIALLY DEFERRED, NOT VALID, self-referencing, cross-schema and a two-table FK cycle;
-- an exclusion constraint; reloptions (incl. toast.*); REPLICA IDENTITY FULL / USING
-- INDEX; ENABLE/FORCE ROW LEVEL SECURITY (no policies); CLUSTER ON; owners; comments on
-- tables/columns/constraints/indexes; table, column and sequence privileges (incl. WITH
-- GRANT OPTION and a REVOKE from the owner); index variants (unique, partial, expression,
-- INCLUDE, text_pattern_ops, COLLATE, DESC NULLS FIRST / ASC NULLS LAST, fillfactor,
-- btree/hash/gin/gist/brin).

DO $$ BEGIN CREATE ROLE flux_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE flux_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE flux_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE "Flux Admin" NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;

-- ---------------------------------------------------------------- schemas / extensions
CREATE SCHEMA ext;
COMMENT ON SCHEMA ext IS 'Extension objects live here, not in public';
GRANT USAGE ON SCHEMA ext TO PUBLIC;
CREATE EXTENSION citext WITH SCHEMA ext;
CREATE EXTENSION hstore WITH SCHEMA ext;
CREATE EXTENSION pg_trgm WITH SCHEMA ext;
CREATE EXTENSION btree_gist WITH SCHEMA ext;

CREATE SCHEMA app AUTHORIZATION flux_owner;
COMMENT ON SCHEMA app IS 'Tenant-facing application data';
GRANT USAGE ON SCHEMA app TO flux_reader, flux_writer;
GRANT USAGE, CREATE ON SCHEMA app TO "Flux Admin";

CREATE SCHEMA billing;
ALTER SCHEMA billing OWNER TO "Flux Admin";
COMMENT ON SCHEMA billing IS 'Plans, subscriptions, invoices and payments';
GRANT USAGE ON SCHEMA billing TO flux_reader;
GRANT USAGE ON SCHEMA billing TO flux_writer WITH GRANT OPTION;

-- ---------------------------------------------------------------- app
CREATE TYPE app.plan_tier AS ENUM ('free', 'team', 'enterprise');

CREATE TABLE app.accounts (
    id          bigint GENERATED ALWAYS AS IDENTITY
                (SEQUENCE NAME app.account_ids START WITH 1000 INCREMENT BY 1
                 MINVALUE 1000 MAXVALUE 9999999999 CACHE 20) PRIMARY KEY,
    slug        varchar(63) COLLATE "C" NOT NULL,
    name        text NOT NULL,
    tier        app.plan_tier NOT NULL DEFAULT 'free',
    settings    ext.hstore NOT NULL DEFAULT ''::ext.hstore,
    tags        varchar(80)[] NOT NULL DEFAULT '{}',
    seats       integer NOT NULL DEFAULT 5 CHECK (seats > 0),
    created_at  timestamp(3) with time zone NOT NULL DEFAULT now(),
    deleted_at  timestamp(3) with time zone,
    CONSTRAINT accounts_slug_key UNIQUE (slug),
    CONSTRAINT accounts_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$')
);
COMMENT ON TABLE app.accounts IS 'One row per tenant';
COMMENT ON COLUMN app.accounts.slug IS 'URL-safe tenant key, compared bytewise';
COMMENT ON CONSTRAINT accounts_slug_format ON app.accounts IS 'lowercase, digits and dashes';
ALTER TABLE app.accounts ALTER COLUMN settings SET STORAGE EXTERNAL;
ALTER TABLE app.accounts ALTER COLUMN tier SET STATISTICS 500;
CREATE INDEX accounts_tags_gin ON app.accounts USING gin (tags);
CREATE INDEX accounts_settings_gin ON app.accounts USING gin (settings);
CREATE INDEX accounts_live_created_idx ON app.accounts (created_at DESC NULLS FIRST)
    WHERE deleted_at IS NULL;
COMMENT ON INDEX app.accounts_live_created_idx IS 'Newest live tenants first';
ALTER TABLE app.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.accounts OWNER TO flux_owner;

CREATE TABLE app.users (
    id             uuid DEFAULT gen_random_uuid() NOT NULL,
    account_id     bigint NOT NULL,
    email          ext.citext NOT NULL,
    legacy_login   varchar(32),
    display_name   text COLLATE "POSIX",
    manager_id     uuid,
    flags          bit(8) NOT NULL DEFAULT B'00000000',
    idle_timeout   interval day to second(0) NOT NULL DEFAULT '00:30:00',
    login_count    integer NOT NULL DEFAULT 0,
    email_domain   text GENERATED ALWAYS AS (lower(split_part(email::text, '@', 2))) STORED,
    avatar         bytea,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_account_email_key UNIQUE (account_id, email),
    CONSTRAINT users_account_fk FOREIGN KEY (account_id)
        REFERENCES app.accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT users_manager_fk FOREIGN KEY (manager_id)
        REFERENCES app.users (id) ON DELETE SET NULL,
    CONSTRAINT users_login_count_check CHECK (login_count >= 0) NO INHERIT
);
-- leave a hole in the attribute numbers
ALTER TABLE app.users DROP COLUMN legacy_login;
COMMENT ON TABLE app.users IS 'Users belong to exactly one account';
COMMENT ON COLUMN app.users.email_domain IS 'Derived; never written directly';
COMMENT ON CONSTRAINT users_manager_fk ON app.users IS 'Self reference: managers are users too';
ALTER TABLE app.users ALTER COLUMN avatar SET STORAGE EXTERNAL;
ALTER TABLE app.users ALTER COLUMN email_domain SET STATISTICS 500;
ALTER TABLE app.users ALTER COLUMN account_id SET (n_distinct = 100);
CREATE INDEX users_display_name_trgm ON app.users USING gin (display_name ext.gin_trgm_ops);
CREATE INDEX users_email_lower_idx ON app.users (lower(email::text));
CREATE INDEX users_display_name_pattern ON app.users (display_name text_pattern_ops);
CREATE INDEX users_display_name_c ON app.users (display_name COLLATE "C" ASC NULLS LAST);
CREATE UNIQUE INDEX users_account_id_id_incl ON app.users (account_id, id) INCLUDE (email, display_name)
    WITH (fillfactor = 80);
CREATE INDEX users_email_hash ON app.users USING hash (email);
ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.users FORCE ROW LEVEL SECURITY;
ALTER TABLE app.users OWNER TO flux_owner;

CREATE TABLE app.api_keys (
    id           serial PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
    prefix       char(8) NOT NULL,
    secret_hash  bytea NOT NULL,
    scopes       text[] NOT NULL DEFAULT ARRAY['read']::text[],
    expires_at   timestamptz DEFAULT (now() + interval '90 days'),
    CONSTRAINT api_keys_prefix_key UNIQUE (prefix)
);
CREATE UNIQUE INDEX api_keys_live_user ON app.api_keys (user_id, prefix) WHERE expires_at IS NOT NULL;
ALTER TABLE app.api_keys OWNER TO flux_owner;

CREATE TABLE app.audit_log (
    id          bigserial,
    account_id  bigint,
    actor_id    uuid,
    action      text NOT NULL,
    payload     ext.hstore,
    at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_log_pkey PRIMARY KEY (id) WITH (fillfactor = 90)
) WITH (fillfactor = 70, autovacuum_enabled = false, toast.autovacuum_enabled = false);
CREATE INDEX audit_log_at_brin ON app.audit_log USING brin (at) WITH (pages_per_range = 32);
CREATE INDEX audit_log_account_at ON app.audit_log (account_id, at DESC);
-- non-default null ordering (the ones above are the defaults and vanish in pg_dump output)
CREATE INDEX audit_log_actor_at ON app.audit_log (actor_id ASC NULLS FIRST, at DESC NULLS LAST);
ALTER TABLE app.audit_log CLUSTER ON audit_log_account_at;
ALTER TABLE app.audit_log REPLICA IDENTITY FULL;
ALTER TABLE app.audit_log OWNER TO flux_owner;
-- the owner gives up a couple of its own privileges
REVOKE TRUNCATE, TRIGGER ON app.audit_log FROM flux_owner;
COMMENT ON TABLE app.audit_log IS 'Append-only audit trail';

CREATE TABLE app.room_bookings (
    id        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    room_id   integer NOT NULL,
    account_id bigint NOT NULL REFERENCES app.accounts (id) ON DELETE RESTRICT,
    during    tstzrange NOT NULL,
    note      text,
    CONSTRAINT room_bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)
);
CREATE INDEX room_bookings_during_gist ON app.room_bookings USING gist (during);
COMMENT ON CONSTRAINT room_bookings_no_overlap ON app.room_bookings IS 'A room cannot be double booked';
CLUSTER app.room_bookings USING room_bookings_pkey;
ALTER TABLE app.room_bookings OWNER TO flux_owner;

-- ---------------------------------------------------------------- billing
CREATE SEQUENCE billing.invoice_numbers
    AS bigint INCREMENT BY 5 MINVALUE 100000 MAXVALUE 999999999999 START WITH 100005 CACHE 50 NO CYCLE;
COMMENT ON SEQUENCE billing.invoice_numbers IS 'Human-facing invoice numbers';
CREATE SEQUENCE billing.retry_ticket AS smallint INCREMENT BY -1 MINVALUE -500 MAXVALUE -1 START WITH -1 CACHE 1 CYCLE;
CREATE SEQUENCE billing.batch_seq AS integer INCREMENT 3 START 7;

CREATE TABLE billing.plans (
    id        smallint GENERATED BY DEFAULT AS IDENTITY
              (SEQUENCE NAME billing.plan_id_seq START WITH 10 INCREMENT BY 10
               MINVALUE 10 MAXVALUE 30000 CACHE 1 CYCLE),
    code      varchar(40) NOT NULL,
    price     numeric(12,2) NOT NULL,
    currency  char(3) NOT NULL DEFAULT 'USD',
    features  text[],
    active    boolean NOT NULL DEFAULT true,
    CONSTRAINT plans_pkey PRIMARY KEY (id),
    CONSTRAINT plans_code_currency_key UNIQUE (code, currency),
    CONSTRAINT plans_price_check CHECK (price >= 0::numeric),
    CONSTRAINT plans_currency_check CHECK (currency = upper(currency) AND length(currency) = 3)
);
CREATE INDEX plans_code_pattern ON billing.plans (code varchar_pattern_ops);

CREATE TABLE billing.customers (
    id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id                 bigint NOT NULL UNIQUE,
    default_payment_method_id  bigint,
    billing_email              ext.citext,
    tax_id                     varchar(32)
);

CREATE TABLE billing.payment_methods (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL,
    kind         text NOT NULL DEFAULT 'card',
    last4        char(4),
    CONSTRAINT payment_methods_id_customer_key UNIQUE (id, customer_id)
);

-- FK cycle between customers and payment_methods, added after both exist
ALTER TABLE billing.customers ADD CONSTRAINT customers_default_pm_fk
    FOREIGN KEY (default_payment_method_id) REFERENCES billing.payment_methods (id)
    ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE billing.payment_methods ADD CONSTRAINT payment_methods_customer_fk
    FOREIGN KEY (customer_id) REFERENCES billing.customers (id) ON DELETE CASCADE;
-- cross-schema FK
ALTER TABLE billing.customers ADD CONSTRAINT customers_account_fk
    FOREIGN KEY (account_id) REFERENCES app.accounts (id) ON DELETE RESTRICT ON UPDATE RESTRICT;

CREATE TABLE billing.subscriptions (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES billing.customers (id) ON DELETE NO ACTION ON UPDATE NO ACTION,
    plan_id     smallint NOT NULL DEFAULT 10,
    seats       integer NOT NULL DEFAULT 1,
    started_at  timestamp(3) with time zone NOT NULL DEFAULT now(),
    trial       interval day to second,
    status      text NOT NULL DEFAULT 'active',
    CONSTRAINT subscriptions_plan_fk FOREIGN KEY (plan_id) REFERENCES billing.plans (id)
        ON DELETE SET DEFAULT ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT subscriptions_status_check CHECK (status IN ('active', 'past_due', 'canceled'))
);
CREATE UNIQUE INDEX subscriptions_one_active ON billing.subscriptions (customer_id) WHERE status = 'active';

CREATE TABLE billing.invoices (
    id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    number        bigint NOT NULL DEFAULT nextval('billing.invoice_numbers'::regclass),
    customer_id   bigint NOT NULL,
    subscription_id bigint REFERENCES billing.subscriptions (id) ON DELETE SET NULL,
    total         numeric(12,2) NOT NULL DEFAULT 0,
    tax           numeric(12,2) NOT NULL DEFAULT 0,
    grand_total   numeric(12,2) GENERATED ALWAYS AS (total + tax) STORED,
    issued_on     date NOT NULL DEFAULT CURRENT_DATE,
    due_on        date NOT NULL DEFAULT (CURRENT_DATE + 30),
    status_flags  bit(8) NOT NULL DEFAULT B'00000001',
    notes         text,
    CONSTRAINT invoices_due_after_issue CHECK (due_on >= issued_on)
);
CREATE UNIQUE INDEX invoices_number_key ON billing.invoices (number);
ALTER TABLE billing.invoices REPLICA IDENTITY USING INDEX invoices_number_key;
ALTER TABLE billing.invoices ALTER COLUMN notes SET STORAGE EXTERNAL;
ALTER TABLE billing.invoices ALTER COLUMN customer_id SET STATISTICS 500;
ALTER TABLE billing.invoices ALTER COLUMN customer_id SET (n_distinct = 100);
ALTER TABLE billing.invoices ADD CONSTRAINT invoices_customer_fk
    FOREIGN KEY (customer_id) REFERENCES billing.customers (id) NOT VALID;
ALTER TABLE billing.invoices ADD CONSTRAINT invoices_total_nonneg CHECK (total >= 0) NOT VALID;
ALTER TABLE billing.invoices FORCE ROW LEVEL SECURITY;
COMMENT ON CONSTRAINT invoices_total_nonneg ON billing.invoices IS 'Legacy rows may violate this';
COMMENT ON COLUMN billing.invoices.grand_total IS 'total + tax';

CREATE TABLE billing.payments (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id         bigint NOT NULL REFERENCES billing.invoices (id) ON DELETE RESTRICT,
    payment_method_id  bigint,
    customer_id        bigint,
    amount             numeric(12,2) NOT NULL,
    batch              integer DEFAULT nextval('billing.batch_seq'::regclass),
    received_at        timestamp(3) with time zone NOT NULL DEFAULT now(),
    CONSTRAINT payments_method_fk FOREIGN KEY (payment_method_id, customer_id)
        REFERENCES billing.payment_methods (id, customer_id) MATCH FULL ON DELETE SET NULL
);
CREATE INDEX payments_received_brin ON billing.payments USING brin (received_at);
ALTER SEQUENCE billing.batch_seq OWNED BY billing.payments.batch;

-- billing ownership and privileges
ALTER TABLE billing.plans OWNER TO "Flux Admin";
ALTER TABLE billing.customers OWNER TO "Flux Admin";
ALTER TABLE billing.payment_methods OWNER TO "Flux Admin";
ALTER TABLE billing.subscriptions OWNER TO "Flux Admin";
ALTER TABLE billing.invoices OWNER TO "Flux Admin";
ALTER TABLE billing.payments OWNER TO "Flux Admin";
ALTER SEQUENCE billing.invoice_numbers OWNER TO "Flux Admin";
ALTER SEQUENCE billing.retry_ticket OWNER TO flux_owner;

GRANT SELECT ON ALL TABLES IN SCHEMA app TO flux_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON app.accounts, app.users, app.api_keys TO flux_writer;
GRANT INSERT ON app.audit_log TO flux_writer;
GRANT SELECT, INSERT, UPDATE ON billing.invoices TO "Flux Admin" WITH GRANT OPTION;
GRANT SELECT ON billing.plans, billing.subscriptions TO flux_reader;
GRANT SELECT (id, customer_id, total, issued_on), UPDATE (notes) ON billing.invoices TO flux_reader;
GRANT REFERENCES (id) ON billing.customers TO flux_writer;
REVOKE ALL ON app.api_keys FROM flux_reader;
GRANT SELECT (id, user_id, prefix, expires_at) ON app.api_keys TO flux_reader;
GRANT USAGE, SELECT ON SEQUENCE billing.invoice_numbers TO flux_writer;
GRANT SELECT ON SEQUENCE billing.invoice_numbers TO flux_reader;
GRANT UPDATE ON SEQUENCE billing.retry_ticket TO "Flux Admin";
GRANT USAGE ON SEQUENCE app.api_keys_id_seq TO flux_writer;
REVOKE USAGE ON TYPE app.plan_tier FROM PUBLIC;
GRANT USAGE ON TYPE app.plan_tier TO flux_reader, flux_writer;
