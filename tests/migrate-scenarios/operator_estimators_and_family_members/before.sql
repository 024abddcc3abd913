CREATE FUNCTION public.rev_lt(integer, integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 > $2';
CREATE OPERATOR public.<<< (FUNCTION = public.rev_lt, LEFTARG = integer, RIGHTARG = integer,
    RESTRICT = scalargtsel);
CREATE OPERATOR FAMILY public.mixed_hash USING hash;
ALTER OPERATOR FAMILY public.mixed_hash USING hash ADD
    OPERATOR 1 = (integer, integer), FUNCTION 1 (integer, integer) hashint4(integer);
CREATE OPERATOR CLASS public.int8_hash FOR TYPE bigint USING hash FAMILY public.mixed_hash AS
    OPERATOR 1 = (bigint, bigint), FUNCTION 1 hashint8(bigint);
CREATE TABLE public.t (id integer PRIMARY KEY, n bigint);
CREATE INDEX t_n ON public.t USING hash (n public.int8_hash);
INSERT INTO public.t (id, n) VALUES (1, 10), (2, 20);
