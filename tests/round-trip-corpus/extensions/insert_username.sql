-- Audit columns filled by the insert_username trigger; the trigger function's EXECUTE moved from PUBLIC to the app role.
-- roles: px_iu_app
CREATE EXTENSION insert_username;
REVOKE EXECUTE ON FUNCTION public.insert_username() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.insert_username() TO px_iu_app;
CREATE TABLE public.edits (id int, body text, changed_by text);
CREATE TRIGGER edits_user BEFORE INSERT OR UPDATE ON public.edits
  FOR EACH ROW EXECUTE PROCEDURE insert_username(changed_by);
