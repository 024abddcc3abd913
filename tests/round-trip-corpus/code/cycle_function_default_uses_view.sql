-- min-major: 14
-- A function parameter default that calls a SQL-standard function reading a view built on another function.
CREATE SCHEMA fdv;
CREATE TABLE fdv.cfg (k text, v int);
CREATE FUNCTION fdv.raw_limit() RETURNS int LANGUAGE sql STABLE RETURN (SELECT v FROM fdv.cfg WHERE k = 'limit');
CREATE VIEW fdv.settings AS SELECT fdv.raw_limit() AS lim;
CREATE FUNCTION fdv.default_limit() RETURNS int LANGUAGE sql STABLE RETURN (SELECT lim FROM fdv.settings);
CREATE FUNCTION fdv.page(lim int DEFAULT fdv.default_limit()) RETURNS SETOF int LANGUAGE sql
  RETURN generate_series(1, lim);
