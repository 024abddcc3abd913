-- A legacy table whose id comes from the autoinc trigger function over a sequence; the trigger function locked down.
-- roles: px_autoinc_app
CREATE EXTENSION autoinc;
REVOKE EXECUTE ON FUNCTION public.autoinc() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.autoinc() TO px_autoinc_app;
CREATE SEQUENCE public.ids;
CREATE TABLE public.ids_table (id int4, name text);
CREATE TRIGGER ids_nextid BEFORE INSERT OR UPDATE ON public.ids_table
  FOR EACH ROW EXECUTE PROCEDURE autoinc(id, ids);
