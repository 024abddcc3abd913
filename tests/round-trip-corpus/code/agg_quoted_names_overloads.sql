-- Aggregates with quoted names and overloads by argument type, owned by different roles.
-- roles: ag_owner, ag_user
CREATE SCHEMA "Agg Lib";
CREATE AGGREGATE "Agg Lib"."Sum All"(int4) (SFUNC = int4pl, STYPE = int4, INITCOND = '0');
CREATE AGGREGATE "Agg Lib"."Sum All"(int8) (SFUNC = int8pl, STYPE = int8, INITCOND = '0');
CREATE AGGREGATE "Agg Lib"."Sum All"(numeric) (SFUNC = numeric_add, STYPE = numeric, INITCOND = '0');
ALTER AGGREGATE "Agg Lib"."Sum All"(int8) OWNER TO ag_owner;
REVOKE ALL ON FUNCTION "Agg Lib"."Sum All"(numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION "Agg Lib"."Sum All"(numeric) TO ag_user;
COMMENT ON AGGREGATE "Agg Lib"."Sum All"(int4) IS 'int4 version';
CREATE AGGREGATE "Agg Lib"."order"(text) (SFUNC = textcat, STYPE = text);
