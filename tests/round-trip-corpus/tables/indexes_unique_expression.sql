-- Unique indexes on expressions used as business keys, including a multi-expression, partial and immutable-function key.
CREATE SCHEMA ixu;
CREATE FUNCTION ixu.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$SELECT regexp_replace(lower(t), '\s+', ' ', 'g')$$;
CREATE TABLE ixu.companies (id int, name text, country char(2), vat text, active boolean);
CREATE UNIQUE INDEX companies_name ON ixu.companies (ixu.norm(name), country);
CREATE UNIQUE INDEX companies_vat ON ixu.companies (upper(replace(vat, ' ', ''))) WHERE active;
CREATE UNIQUE INDEX companies_one_active ON ixu.companies ((true)) WHERE active AND country = 'XX';
CREATE UNIQUE INDEX companies_id_text ON ixu.companies ((id::text));
