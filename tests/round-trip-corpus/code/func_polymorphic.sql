-- Generic helpers with polymorphic signatures: anyelement, anyarray, anynonarray, anyenum, anyrange.
CREATE SCHEMA poly;
CREATE FUNCTION poly.first_non_null(a anyelement, b anyelement) RETURNS anyelement
  LANGUAGE sql IMMUTABLE AS 'SELECT coalesce(a, b)';
CREATE FUNCTION poly.last_of(arr anyarray) RETURNS anyelement LANGUAGE sql IMMUTABLE
  AS 'SELECT arr[array_upper(arr, 1)]';
CREATE FUNCTION poly.wrap(x anynonarray) RETURNS anyarray LANGUAGE sql AS 'SELECT ARRAY[x]';
CREATE FUNCTION poly.enum_size(e anyenum) RETURNS int LANGUAGE sql AS 'SELECT cardinality(enum_range(e))';
CREATE FUNCTION poly.width(r anyrange) RETURNS text LANGUAGE sql AS 'SELECT upper(r)::text || ''-'' || lower(r)::text';
CREATE FUNCTION poly.pair(a anyelement, OUT x anyelement, OUT y anyarray) LANGUAGE sql AS 'SELECT a, ARRAY[a]';
CREATE FUNCTION poly.plp(a anyelement) RETURNS anyelement LANGUAGE plpgsql AS $$BEGIN RETURN a; END$$;
