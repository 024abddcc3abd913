-- Images referenced as large objects through the lo domain, cleaned up by the lo_manage trigger; lo_manage locked down.
-- roles: px_lo
CREATE EXTENSION lo;
REVOKE EXECUTE ON FUNCTION public.lo_manage() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.lo_manage() TO px_lo;
REVOKE USAGE ON DOMAIN public.lo FROM PUBLIC;
CREATE TABLE public.images (title text, raster lo);
CREATE TRIGGER t_raster BEFORE UPDATE OR DELETE ON public.images
  FOR EACH ROW EXECUTE FUNCTION lo_manage(raster);
