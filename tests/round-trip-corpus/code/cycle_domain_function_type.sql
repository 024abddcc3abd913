-- A domain CHECK calling a function over the base type, a function over the domain, and a table/view using both.
CREATE SCHEMA dcyc;
CREATE FUNCTION dcyc.is_slug(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$SELECT t ~ '^[a-z0-9-]+$'$$;
CREATE DOMAIN dcyc.slug AS text CHECK (dcyc.is_slug(VALUE));
CREATE FUNCTION dcyc.to_slug(t text) RETURNS dcyc.slug LANGUAGE sql IMMUTABLE
  AS $$SELECT lower(regexp_replace(t, '[^a-zA-Z0-9]+', '-', 'g'))::dcyc.slug$$;
CREATE TABLE dcyc.pages (id int, title text, slug dcyc.slug GENERATED ALWAYS AS (dcyc.to_slug(title)) STORED);
CREATE VIEW dcyc.slugs AS SELECT slug, dcyc.is_slug(slug) AS ok FROM dcyc.pages;
