-- Change notifications for a cache: the tcn trigger on a table, created while new functions were revoked from PUBLIC.
-- roles: px_tcn
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE EXTENSION tcn;
GRANT EXECUTE ON FUNCTION public.triggered_change_notification() TO px_tcn;
CREATE TABLE public.cached (id int PRIMARY KEY, v text);
CREATE TRIGGER cached_tcn AFTER INSERT OR UPDATE OR DELETE ON public.cached
  FOR EACH ROW EXECUTE FUNCTION triggered_change_notification('cache_changes');
