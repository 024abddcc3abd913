-- intagg's aggregate and enumerator behind a view; the aggregate's EXECUTE revoked from PUBLIC.
-- roles: px_intagg
CREATE EXTENSION intagg;
REVOKE EXECUTE ON FUNCTION public.int_array_aggregate(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.int_array_aggregate(integer) TO px_intagg;
REVOKE EXECUTE ON FUNCTION public.int_array_enum(integer[]) FROM PUBLIC;
CREATE TABLE public.memberships (grp int, member int);
CREATE VIEW public.groups AS SELECT grp, public.int_array_aggregate(member) AS members FROM public.memberships GROUP BY grp;
