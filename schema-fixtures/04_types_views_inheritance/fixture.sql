-- Fixture 04_types_views_inheritance: a product catalog built from user-defined types,
-- table inheritance and layered views.
-- Covers: enums (values added later with ADD VALUE BEFORE / AFTER / at the end); composite
-- types (collated attribute, array attributes, nested composite, array of composite);
-- range types (subtype_diff omitted; custom SUBTYPE_OPCLASS + COLLATION); domains (typmod
-- base type, DEFAULT, NOT NULL, several named CHECKs, a NOT VALID check added by ALTER
-- DOMAIN, COLLATE, domain over a domain, domain over an array); type comments, owners and
-- USAGE privileges (REVOKE FROM PUBLIC / GRANT TO role); table inheritance (local columns,
-- a child with its own CHECK, a column merged between child and parent, multiple
-- inheritance, a NO INHERIT check on the parent); a typed table (OF composite, PRIMARY KEY,
-- WITH OPTIONS); an UNLOGGED table; the cube extension in its own schema; views (simple, a
-- chain of three, explicit column names, security_barrier, CASCADED and LOCAL CHECK OPTION,
-- column comments, owners, grants); materialized views (WITH NO DATA and with data, unique
-- and plain indexes, a matview over a view, reloptions, comments, owner, grants).

DO $$ BEGIN CREATE ROLE flux_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE flux_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE flux_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE "Flux Admin" NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;

CREATE SCHEMA ext;
CREATE EXTENSION cube WITH SCHEMA ext;

CREATE SCHEMA catalog AUTHORIZATION flux_owner;
COMMENT ON SCHEMA catalog IS 'Product catalog';
GRANT USAGE ON SCHEMA catalog TO flux_reader, flux_writer, "Flux Admin";
CREATE SCHEMA reporting;
ALTER SCHEMA reporting OWNER TO "Flux Admin";
GRANT USAGE ON SCHEMA reporting TO flux_reader;

-- ---------------------------------------------------------------- enums
CREATE TYPE catalog.status AS ENUM ('draft', 'published', 'retired');
ALTER TYPE catalog.status ADD VALUE 'review' BEFORE 'published';
ALTER TYPE catalog.status ADD VALUE 'embargoed' AFTER 'published';
ALTER TYPE catalog.status ADD VALUE 'deleted';
ALTER TYPE catalog.status ADD VALUE IF NOT EXISTS 'draft';
COMMENT ON TYPE catalog.status IS 'Lifecycle of a catalog item';
ALTER TYPE catalog.status OWNER TO flux_owner;

CREATE TYPE catalog.color AS ENUM ();
ALTER TYPE catalog.color ADD VALUE 'red';
ALTER TYPE catalog.color ADD VALUE 'blue';
ALTER TYPE catalog.color ADD VALUE 'green' BEFORE 'blue';
REVOKE USAGE ON TYPE catalog.color FROM PUBLIC;
GRANT USAGE ON TYPE catalog.color TO flux_reader, flux_writer;

-- ---------------------------------------------------------------- domains
CREATE DOMAIN catalog.sku AS varchar(32) COLLATE "C"
    NOT NULL
    CONSTRAINT sku_not_blank CHECK (length(VALUE) > 0)
    CONSTRAINT sku_upper CHECK (VALUE = upper(VALUE))
    CONSTRAINT sku_charset CHECK (VALUE ~ '^[A-Z0-9-]+$');
COMMENT ON DOMAIN catalog.sku IS 'Stock keeping unit';
ALTER DOMAIN catalog.sku OWNER TO flux_owner;

CREATE DOMAIN catalog.price AS numeric(12,2) DEFAULT 0.00 CONSTRAINT price_nonneg CHECK (VALUE >= 0);
ALTER DOMAIN catalog.price ADD CONSTRAINT price_sane CHECK (VALUE < 1000000) NOT VALID;
COMMENT ON CONSTRAINT price_sane ON DOMAIN catalog.price IS 'Older rows were never validated';
-- domain over a domain
CREATE DOMAIN catalog.sale_price AS catalog.price CONSTRAINT sale_price_positive CHECK (VALUE > 0);
-- domain over an array
CREATE DOMAIN catalog.tag_list AS varchar(40)[] DEFAULT '{}'::varchar(40)[]
    CONSTRAINT tag_list_max CHECK (cardinality(VALUE) <= 16)
    CONSTRAINT tag_list_no_nulls CHECK (array_position(VALUE, NULL) IS NULL);
CREATE DOMAIN catalog.short_text AS text COLLATE "POSIX" CHECK (length(VALUE) <= 200);
REVOKE USAGE ON DOMAIN catalog.sale_price FROM PUBLIC;
GRANT USAGE ON DOMAIN catalog.sale_price TO flux_writer;

-- ---------------------------------------------------------------- composite types
CREATE TYPE catalog.dimensions AS (
    width_mm   integer,
    height_mm  integer,
    depth_mm   integer
);
CREATE TYPE catalog.address AS (
    line1      text COLLATE "C",
    line2      text,
    city       varchar(80),
    postcode   varchar(12) COLLATE "POSIX",
    country    char(2)
);
CREATE TYPE catalog.shipping_profile AS (
    origin      catalog.address,
    box         catalog.dimensions,
    weight_g    numeric(10,1),
    carriers    text[],
    zones       smallint[]
);
COMMENT ON TYPE catalog.shipping_profile IS 'Nested composite with array attributes';
COMMENT ON COLUMN catalog.shipping_profile.carriers IS 'Allowed carriers, in preference order';
ALTER TYPE catalog.shipping_profile OWNER TO flux_owner;
CREATE TYPE catalog.supplier_row AS (
    id        integer,
    name      text,
    address   catalog.address,
    contacts  catalog.address[]
);
REVOKE USAGE ON TYPE catalog.supplier_row FROM PUBLIC;
GRANT USAGE ON TYPE catalog.supplier_row TO "Flux Admin";

-- ---------------------------------------------------------------- range types
CREATE TYPE catalog.float_range AS RANGE (SUBTYPE = float8);
COMMENT ON TYPE catalog.float_range IS 'No subtype_diff';
CREATE TYPE catalog.sku_range AS RANGE (SUBTYPE = text, SUBTYPE_OPCLASS = text_pattern_ops, COLLATION = "C");
CREATE TYPE catalog.price_band AS RANGE (SUBTYPE = numeric);
ALTER TYPE catalog.price_band OWNER TO "Flux Admin";
GRANT USAGE ON TYPE catalog.price_band TO flux_reader;

-- ---------------------------------------------------------------- inheritance
CREATE TABLE catalog.items (
    id          bigint NOT NULL,
    sku         catalog.sku,
    title       catalog.short_text NOT NULL,
    status      catalog.status NOT NULL DEFAULT 'draft',
    price       catalog.price,
    tags        catalog.tag_list,
    created_at  timestamp(3) with time zone NOT NULL DEFAULT now(),
    CONSTRAINT items_price_check CHECK (price IS NOT NULL),
    CONSTRAINT items_only_parent_check CHECK (false) NO INHERIT
);
CREATE SEQUENCE catalog.item_ids AS bigint START 1000 CACHE 10;
ALTER TABLE catalog.items ALTER COLUMN id SET DEFAULT nextval('catalog.item_ids'::regclass);
ALTER TABLE catalog.items ADD CONSTRAINT items_pkey PRIMARY KEY (id);
COMMENT ON TABLE catalog.items IS 'Abstract parent: rows live in children';
COMMENT ON CONSTRAINT items_only_parent_check ON catalog.items IS 'Nothing is ever inserted into the parent itself';

CREATE TABLE catalog.books (
    isbn        char(13) NOT NULL,
    pages       integer,
    authors     text[] NOT NULL DEFAULT '{}',
    CONSTRAINT books_pages_check CHECK (pages > 0),
    CONSTRAINT books_pkey PRIMARY KEY (id)
) INHERITS (catalog.items);
CREATE UNIQUE INDEX books_isbn_key ON catalog.books (isbn);

-- title is declared locally as well as inherited: merged column
CREATE TABLE catalog.media (
    title       catalog.short_text NOT NULL,
    duration    interval hour to second(0),
    region      catalog.color,
    CONSTRAINT media_pkey PRIMARY KEY (id)
) INHERITS (catalog.items);
COMMENT ON COLUMN catalog.media.title IS 'Merged: declared locally and inherited';

-- multiple inheritance (items columns reach it twice and are merged)
CREATE TABLE catalog.audiobooks (
    narrator    text NOT NULL,
    CONSTRAINT audiobooks_pkey PRIMARY KEY (id),
    CONSTRAINT audiobooks_narrator_check CHECK (narrator <> '')
) INHERITS (catalog.books, catalog.media);

-- a second-level parent-less mixin plus a child attached later with ALTER TABLE INHERIT
CREATE TABLE catalog.auditable (
    modified_by text,
    modified_at timestamptz
);
CREATE TABLE catalog.gadgets (
    id          bigint NOT NULL DEFAULT nextval('catalog.item_ids'::regclass),
    sku         catalog.sku,
    title       catalog.short_text NOT NULL,
    status      catalog.status NOT NULL DEFAULT 'draft',
    price       catalog.price,
    tags        catalog.tag_list,
    created_at  timestamp(3) with time zone NOT NULL DEFAULT now(),
    modified_by text,
    modified_at timestamptz,
    shipping    catalog.shipping_profile,
    bounds      ext.cube,
    CONSTRAINT items_price_check CHECK (price IS NOT NULL),
    CONSTRAINT gadgets_pkey PRIMARY KEY (id)
);
ALTER TABLE catalog.gadgets INHERIT catalog.items;
ALTER TABLE catalog.gadgets INHERIT catalog.auditable;
CREATE INDEX gadgets_bounds_gist ON catalog.gadgets USING gist (bounds);

ALTER TABLE catalog.items OWNER TO flux_owner;
ALTER TABLE catalog.books OWNER TO flux_owner;
ALTER TABLE catalog.media OWNER TO flux_owner;
ALTER TABLE catalog.audiobooks OWNER TO flux_owner;
ALTER TABLE catalog.gadgets OWNER TO flux_owner;

-- ---------------------------------------------------------------- typed, unlogged, range users
CREATE TABLE catalog.suppliers OF catalog.supplier_row (
    PRIMARY KEY (id),
    name WITH OPTIONS NOT NULL DEFAULT 'unnamed',
    CONSTRAINT suppliers_name_check CHECK (name <> '')
);
COMMENT ON TABLE catalog.suppliers IS 'Typed table OF catalog.supplier_row';

CREATE UNLOGGED TABLE catalog.price_cache (
    sku         catalog.sku PRIMARY KEY,
    band        catalog.price_band,
    sku_span    catalog.sku_range,
    score       catalog.float_range,
    computed_at timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 50, autovacuum_enabled = false);
CREATE INDEX price_cache_band_gist ON catalog.price_cache USING gist (band);
COMMENT ON TABLE catalog.price_cache IS 'Rebuildable cache; unlogged on purpose';

CREATE TABLE catalog.reviews (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id     bigint NOT NULL REFERENCES catalog.books (id) ON DELETE CASCADE,
    rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body        text,
    colors      catalog.color[],
    visible     boolean NOT NULL DEFAULT true
);
CREATE INDEX reviews_item_visible ON catalog.reviews (item_id) WHERE visible;
ALTER TABLE catalog.reviews OWNER TO flux_owner;

-- ---------------------------------------------------------------- views
CREATE VIEW catalog.published_items AS
    SELECT id, sku, title, price, status, created_at FROM catalog.items WHERE status = 'published';
COMMENT ON VIEW catalog.published_items IS 'Level 1 of a three-view chain';
CREATE VIEW catalog.cheap_items (item_id, item_sku, item_title, item_price) AS
    SELECT id, sku, title, price FROM catalog.published_items WHERE price < 20
    WITH CASCADED CHECK OPTION;
COMMENT ON COLUMN catalog.cheap_items.item_price IS 'Always below 20';
CREATE VIEW reporting.cheap_titles AS
    SELECT item_id, lower(item_title::text) AS title_lower FROM catalog.cheap_items;
COMMENT ON VIEW reporting.cheap_titles IS 'Level 3, in another schema';
CREATE VIEW catalog.book_details WITH (security_barrier) AS
    SELECT b.id, b.title, b.isbn, b.authors, coalesce(avg(r.rating), 0)::numeric(3,2) AS avg_rating
    FROM catalog.books b LEFT JOIN catalog.reviews r ON r.item_id = b.id AND r.visible
    GROUP BY b.id, b.title, b.isbn, b.authors;
CREATE VIEW catalog.visible_reviews AS
    SELECT id, item_id, rating, body, visible FROM catalog.reviews WHERE visible
    WITH LOCAL CHECK OPTION;
CREATE VIEW catalog.supplier_cities AS
    SELECT s.id, s.name, (s.address).city AS city, (s.address).country AS country FROM catalog.suppliers s;
ALTER VIEW catalog.published_items OWNER TO flux_owner;
ALTER VIEW catalog.cheap_items OWNER TO flux_owner;
ALTER VIEW reporting.cheap_titles OWNER TO "Flux Admin";
GRANT SELECT ON catalog.published_items, catalog.cheap_items, catalog.book_details TO flux_reader;
GRANT SELECT, INSERT, UPDATE ON catalog.visible_reviews TO flux_writer;
GRANT SELECT (item_id, item_title) ON catalog.cheap_items TO "Flux Admin";
GRANT SELECT ON reporting.cheap_titles TO flux_reader WITH GRANT OPTION;

-- ---------------------------------------------------------------- materialized views
CREATE MATERIALIZED VIEW reporting.item_counts AS
    SELECT status, count(*) AS n FROM catalog.items GROUP BY status
    WITH DATA;
CREATE UNIQUE INDEX item_counts_status_key ON reporting.item_counts (status);
COMMENT ON MATERIALIZED VIEW reporting.item_counts IS 'Populated at creation';
COMMENT ON INDEX reporting.item_counts_status_key IS 'Enables REFRESH ... CONCURRENTLY';
CREATE MATERIALIZED VIEW reporting.book_ratings WITH (fillfactor = 90) AS
    SELECT id, title, avg_rating FROM catalog.book_details
    WITH NO DATA;
CREATE UNIQUE INDEX book_ratings_id ON reporting.book_ratings (id);
CREATE INDEX book_ratings_rating ON reporting.book_ratings (avg_rating DESC NULLS LAST);
CREATE INDEX book_ratings_title_hash ON reporting.book_ratings USING hash (title);
COMMENT ON MATERIALIZED VIEW reporting.book_ratings IS 'Matview over a view; not populated';
COMMENT ON COLUMN reporting.book_ratings.avg_rating IS 'Two decimals';
ALTER MATERIALIZED VIEW reporting.book_ratings OWNER TO "Flux Admin";
GRANT SELECT ON reporting.item_counts, reporting.book_ratings TO flux_reader;
