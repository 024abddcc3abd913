-- Row-filtering views for multi-tenant access: security_barrier, with a LEAKPROOF function used in the filter.
-- roles: vw_reader
CREATE SCHEMA tenant;
CREATE TABLE tenant.rows (id int, tenant_id int, payload text);
CREATE FUNCTION tenant.current_tenant() RETURNS int LANGUAGE sql STABLE
  AS $$SELECT nullif(current_setting('app.tenant', true), '')::int$$;
CREATE VIEW tenant.my_rows WITH (security_barrier) AS
  SELECT id, payload FROM tenant.rows WHERE tenant_id = tenant.current_tenant();
CREATE VIEW tenant.my_rows_false WITH (security_barrier = false) AS SELECT id FROM tenant.rows;
GRANT SELECT ON tenant.my_rows TO vw_reader;
COMMENT ON VIEW tenant.my_rows IS 'rows of the session''s tenant';
