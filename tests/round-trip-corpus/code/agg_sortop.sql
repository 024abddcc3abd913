-- min/max-style aggregates declaring SORTOP so the planner can use an index.
CREATE SCHEMA mm;
CREATE AGGREGATE mm.my_max(int4) (SFUNC = int4larger, STYPE = int4, SORTOP = >);
CREATE AGGREGATE mm.my_min(text) (SFUNC = text_smaller, STYPE = text, SORTOP = <, PARALLEL = SAFE, COMBINEFUNC = text_smaller);
CREATE AGGREGATE mm.latest(timestamptz) (SFUNC = timestamptz_larger, STYPE = timestamptz, SORTOP = OPERATOR(pg_catalog.>));
COMMENT ON AGGREGATE mm.my_max(int4) IS 'max using the > sort operator';
