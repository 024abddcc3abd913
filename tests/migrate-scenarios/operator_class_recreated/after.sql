-- A class's members change: PostgreSQL cannot alter a class, so it is dropped and created
-- again, and the index using it with it (dropped first, created after); the table keeps its
-- rows. Its family, made by the class and written on its own, stays.
CREATE FUNCTION public.rev_cmp(integer, integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS 'SELECT pg_catalog.btint4cmp($2, $1)';
CREATE OPERATOR CLASS public.int4_reverse FOR TYPE integer USING btree AS
    OPERATOR 1 >, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <,
    FUNCTION 1 public.rev_cmp(integer, integer);
CREATE TABLE public.t (id integer PRIMARY KEY, n integer);
CREATE INDEX t_n_reverse ON public.t (n public.int4_reverse);
