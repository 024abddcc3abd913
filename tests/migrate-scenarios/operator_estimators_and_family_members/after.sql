-- The operator's estimators change in place (ALTER OPERATOR … SET), and so do the family's
-- loose members (ALTER OPERATOR FAMILY … DROP / ADD): the class in the family and the index
-- using it stay, the table keeps its rows.
CREATE FUNCTION public.rev_lt(integer, integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 > $2';
CREATE OPERATOR public.<<< (FUNCTION = public.rev_lt, LEFTARG = integer, RIGHTARG = integer,
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR FAMILY public.mixed_hash USING hash;
ALTER OPERATOR FAMILY public.mixed_hash USING hash ADD
    OPERATOR 1 = (smallint, smallint), FUNCTION 1 (smallint, smallint) hashint2(smallint);
CREATE OPERATOR CLASS public.int8_hash FOR TYPE bigint USING hash FAMILY public.mixed_hash AS
    OPERATOR 1 = (bigint, bigint), FUNCTION 1 hashint8(bigint);
COMMENT ON OPERATOR FAMILY public.mixed_hash USING hash IS 'after';
CREATE TABLE public.t (id integer PRIMARY KEY, n bigint);
CREATE INDEX t_n ON public.t USING hash (n public.int8_hash);
