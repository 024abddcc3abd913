-- Fixture 02_ledger_partitioning: a double-entry accounting ledger built on declarative
-- partitioning.
-- Covers: RANGE, LIST and HASH partition keys; an expression partition key; a multi-column
-- key; DEFAULT partitions; sub-partitioned partitions (RANGE -> HASH, DEFAULT -> LIST); PK, UNIQUE, indexes
-- and FKs declared on partitioned parents and cloned to the children; an FK referencing a
-- partitioned table; a partition with an extra index of its own; partitions with their own
-- CHECK constraints and reloptions; the ltree extension in its own schema (ltree column,
-- gist index); standalone sequences (AS smallint/integer/bigint, every option, OWNED BY,
-- owner, comment, USAGE/SELECT/UPDATE grants) used as column defaults; enum + domain used
-- by partitioned tables; owners, comments and grants on partitioned tables.

DO $$ BEGIN CREATE ROLE flux_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE flux_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE flux_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE "Flux Admin" NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;

CREATE SCHEMA ext;
CREATE EXTENSION ltree WITH SCHEMA ext;

CREATE SCHEMA ledger AUTHORIZATION flux_owner;
COMMENT ON SCHEMA ledger IS 'General ledger';
GRANT USAGE ON SCHEMA ledger TO flux_reader, flux_writer;

CREATE TYPE ledger.side AS ENUM ('debit', 'credit');
CREATE DOMAIN ledger.amount AS numeric(18,4) NOT NULL CONSTRAINT amount_nonzero CHECK (VALUE <> 0);
CREATE DOMAIN ledger.currency_code AS char(3) COLLATE "C" CONSTRAINT currency_code_upper CHECK (VALUE ~ '^[A-Z]{3}$');

-- ---------------------------------------------------------------- sequences
CREATE SEQUENCE ledger.entry_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807
    START WITH 1 CACHE 100 NO CYCLE;
CREATE SEQUENCE ledger.journal_id_seq AS integer INCREMENT BY 2 MINVALUE 1 MAXVALUE 2000000000
    START WITH 11 CACHE 10 CYCLE;
CREATE SEQUENCE ledger.period_seq AS smallint INCREMENT BY 1 MINVALUE 1 MAXVALUE 12 START WITH 1 CACHE 1 CYCLE;
CREATE SEQUENCE ledger.descending_seq INCREMENT BY -10 MAXVALUE 0 MINVALUE -1000000 START WITH 0 NO CYCLE;
COMMENT ON SEQUENCE ledger.entry_id_seq IS 'Shared by all entry partitions';
COMMENT ON SEQUENCE ledger.period_seq IS 'Wraps around every 12 periods';

-- ---------------------------------------------------------------- chart of accounts
CREATE TABLE ledger.accounts (
    id         integer GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 1) PRIMARY KEY,
    code       varchar(20) COLLATE "C" NOT NULL UNIQUE,
    name       text NOT NULL,
    path       ext.ltree NOT NULL,
    parent_id  integer REFERENCES ledger.accounts (id) ON DELETE RESTRICT,
    normal     ledger.side NOT NULL,
    currency   ledger.currency_code NOT NULL DEFAULT 'USD',
    closed     boolean NOT NULL DEFAULT false
);
CREATE INDEX accounts_path_gist ON ledger.accounts USING gist (path);
CREATE INDEX accounts_parent_idx ON ledger.accounts (parent_id) WHERE parent_id IS NOT NULL;
COMMENT ON TABLE ledger.accounts IS 'Chart of accounts (a tree)';

-- ---------------------------------------------------------------- journals: HASH partitioned
CREATE TABLE ledger.journals (
    id          integer NOT NULL DEFAULT nextval('ledger.journal_id_seq'::regclass),
    description text NOT NULL,
    posted_at   timestamp(3) with time zone NOT NULL DEFAULT now(),
    source      text NOT NULL DEFAULT 'manual',
    CONSTRAINT journals_pkey PRIMARY KEY (id)
) PARTITION BY HASH (id);
ALTER SEQUENCE ledger.journal_id_seq OWNED BY ledger.journals.id;
CREATE TABLE ledger.journals_h0 PARTITION OF ledger.journals FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE ledger.journals_h1 PARTITION OF ledger.journals FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE ledger.journals_h2 PARTITION OF ledger.journals FOR VALUES WITH (MODULUS 4, REMAINDER 2)
    WITH (fillfactor = 80);
CREATE TABLE ledger.journals_h3 PARTITION OF ledger.journals FOR VALUES WITH (MODULUS 4, REMAINDER 3);
CREATE INDEX journals_posted_at_idx ON ledger.journals (posted_at DESC);

-- ---------------------------------------------------------------- entries: RANGE, sub-partitioned
CREATE TABLE ledger.entries (
    id          bigint NOT NULL DEFAULT nextval('ledger.entry_id_seq'::regclass),
    journal_id  integer NOT NULL,
    account_id  integer NOT NULL,
    posted_on   date NOT NULL,
    side        ledger.side NOT NULL,
    amount      ledger.amount,
    currency    ledger.currency_code NOT NULL DEFAULT 'USD',
    memo        varchar(200),
    CONSTRAINT entries_pkey PRIMARY KEY (id, posted_on),
    CONSTRAINT entries_account_fk FOREIGN KEY (account_id) REFERENCES ledger.accounts (id),
    CONSTRAINT entries_journal_fk FOREIGN KEY (journal_id) REFERENCES ledger.journals (id)
        ON DELETE CASCADE,
    CONSTRAINT entries_amount_positive CHECK (amount > 0)
) PARTITION BY RANGE (posted_on);
COMMENT ON TABLE ledger.entries IS 'One row per debit or credit line';
COMMENT ON COLUMN ledger.entries.amount IS 'Always positive; direction is in side';
CREATE INDEX entries_account_posted_idx ON ledger.entries (account_id, posted_on);
CREATE INDEX entries_memo_idx ON ledger.entries (lower(memo)) WHERE memo IS NOT NULL;

CREATE TABLE ledger.entries_2023 PARTITION OF ledger.entries
    FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')
    WITH (fillfactor = 100, autovacuum_enabled = false);
CREATE TABLE ledger.entries_2024 PARTITION OF ledger.entries
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- a partition with an index of its own (not on the parent)
CREATE INDEX entries_2024_memo_brin ON ledger.entries_2024 USING brin (posted_on);
CREATE INDEX entries_2024_journal_idx ON ledger.entries_2024 (journal_id) INCLUDE (amount);
-- a sub-partitioned partition
CREATE TABLE ledger.entries_2025 PARTITION OF ledger.entries
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')
    PARTITION BY HASH (id);
CREATE TABLE ledger.entries_2025_h0 PARTITION OF ledger.entries_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE ledger.entries_2025_h1 PARTITION OF ledger.entries_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
-- created standalone and attached afterwards, with a local check constraint
CREATE TABLE ledger.entries_archive (
    id          bigint NOT NULL DEFAULT nextval('ledger.entry_id_seq'::regclass),
    journal_id  integer NOT NULL,
    account_id  integer NOT NULL,
    posted_on   date NOT NULL,
    side        ledger.side NOT NULL,
    amount      ledger.amount,
    currency    ledger.currency_code NOT NULL DEFAULT 'USD',
    memo        varchar(200),
    CONSTRAINT entries_amount_positive CHECK (amount > 0),
    CONSTRAINT entries_archive_old CHECK (posted_on < '2023-01-01')
);
ALTER TABLE ledger.entries ATTACH PARTITION ledger.entries_archive
    FOR VALUES FROM (MINVALUE) TO ('2023-01-01');
CREATE TABLE ledger.entries_future PARTITION OF ledger.entries DEFAULT;

-- FK referencing the partitioned table (composite key)
CREATE TABLE ledger.entry_reconciliations (
    entry_id        bigint NOT NULL,
    entry_posted_on date NOT NULL,
    statement_ref   text NOT NULL,
    matched_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT entry_reconciliations_pkey PRIMARY KEY (entry_id, entry_posted_on),
    CONSTRAINT entry_reconciliations_entry_fk FOREIGN KEY (entry_id, entry_posted_on)
        REFERENCES ledger.entries (id, posted_on) ON DELETE CASCADE
);

-- ---------------------------------------------------------------- balances: multi-column RANGE key
CREATE TABLE ledger.period_balances (
    account_id     integer NOT NULL REFERENCES ledger.accounts (id) ON DELETE CASCADE,
    fiscal_year    smallint NOT NULL,
    fiscal_period  smallint NOT NULL DEFAULT nextval('ledger.period_seq'::regclass),
    opening        numeric(18,4) NOT NULL DEFAULT 0,
    closing        numeric(18,4) NOT NULL DEFAULT 0,
    movement       numeric(18,4) GENERATED ALWAYS AS (closing - opening) STORED,
    CONSTRAINT period_balances_pkey PRIMARY KEY (fiscal_year, fiscal_period, account_id),
    CONSTRAINT period_balances_period_check CHECK (fiscal_period BETWEEN 1 AND 13)
) PARTITION BY RANGE (fiscal_year, fiscal_period);
CREATE TABLE ledger.period_balances_2024h1 PARTITION OF ledger.period_balances
    FOR VALUES FROM (2024, 1) TO (2024, 7);
CREATE TABLE ledger.period_balances_2024h2 PARTITION OF ledger.period_balances
    FOR VALUES FROM (2024, 7) TO (2025, 1);
CREATE TABLE ledger.period_balances_rest PARTITION OF ledger.period_balances
    FOR VALUES FROM (2025, 1) TO (MAXVALUE, MAXVALUE);

-- ---------------------------------------------------------------- events: LIST on an expression
CREATE TABLE ledger.import_events (
    id         bigint NOT NULL DEFAULT nextval('ledger.entry_id_seq'::regclass),
    source     text NOT NULL,
    received   timestamptz NOT NULL DEFAULT now(),
    payload    jsonb NOT NULL DEFAULT '{}'::jsonb
) PARTITION BY LIST (lower(source));
CREATE TABLE ledger.import_events_bank PARTITION OF ledger.import_events FOR VALUES IN ('bank', 'swift');
CREATE TABLE ledger.import_events_card PARTITION OF ledger.import_events FOR VALUES IN ('stripe', 'adyen');
CREATE TABLE ledger.import_events_other PARTITION OF ledger.import_events DEFAULT;
CREATE INDEX import_events_payload_gin ON ledger.import_events USING gin (payload jsonb_path_ops);
CREATE INDEX import_events_received_idx ON ledger.import_events (received);

-- RANGE on an expression (sub-partitioned DEFAULT partition), plus a HASH key on two columns
CREATE TABLE ledger.fx_rates (
    base     ledger.currency_code NOT NULL,
    quote    ledger.currency_code NOT NULL,
    at       timestamp(0) without time zone NOT NULL,
    rate     numeric(20,10) NOT NULL CHECK (rate > 0)
) PARTITION BY RANGE ((at::date));
CREATE TABLE ledger.fx_rates_2024 PARTITION OF ledger.fx_rates FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- a DEFAULT partition that is itself LIST-partitioned on a plain column
CREATE TABLE ledger.fx_rates_default PARTITION OF ledger.fx_rates DEFAULT PARTITION BY LIST (base);
CREATE TABLE ledger.fx_rates_default_usd PARTITION OF ledger.fx_rates_default FOR VALUES IN ('USD');
CREATE TABLE ledger.fx_rates_default_eur_gbp PARTITION OF ledger.fx_rates_default FOR VALUES IN ('EUR', 'GBP');
CREATE TABLE ledger.fx_rates_default_other PARTITION OF ledger.fx_rates_default DEFAULT;
CREATE UNIQUE INDEX fx_rates_2024_pair_at ON ledger.fx_rates_2024 (base, quote, at);

CREATE TABLE ledger.attachments (
    journal_id  integer NOT NULL,
    seq         smallint NOT NULL,
    filename    text NOT NULL,
    body        bytea,
    PRIMARY KEY (journal_id, seq)
) PARTITION BY HASH (journal_id, seq);
CREATE TABLE ledger.attachments_p0 PARTITION OF ledger.attachments FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE ledger.attachments_p1 PARTITION OF ledger.attachments FOR VALUES WITH (MODULUS 2, REMAINDER 1);

-- ---------------------------------------------------------------- ownership & privileges
ALTER TABLE ledger.accounts OWNER TO flux_owner;
ALTER TABLE ledger.journals OWNER TO flux_owner;
ALTER TABLE ledger.entries OWNER TO flux_owner;
ALTER TABLE ledger.period_balances OWNER TO flux_owner;
ALTER SEQUENCE ledger.entry_id_seq OWNER TO flux_owner;
ALTER SEQUENCE ledger.period_seq OWNER TO "Flux Admin";
ALTER TYPE ledger.side OWNER TO flux_owner;
ALTER DOMAIN ledger.amount OWNER TO flux_owner;

GRANT SELECT ON ledger.entries, ledger.journals, ledger.accounts, ledger.period_balances TO flux_reader;
GRANT SELECT, INSERT ON ledger.entries, ledger.journals TO flux_writer;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ledger.period_balances TO "Flux Admin" WITH GRANT OPTION;
GRANT SELECT (id, posted_on, amount), UPDATE (memo) ON ledger.entries_2024 TO flux_reader;
GRANT USAGE ON SEQUENCE ledger.entry_id_seq, ledger.journal_id_seq TO flux_writer;
GRANT SELECT ON SEQUENCE ledger.entry_id_seq TO flux_reader;
GRANT UPDATE ON SEQUENCE ledger.period_seq TO flux_writer;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE ledger.descending_seq TO "Flux Admin";
