-- updated_at maintained by the moddatetime trigger, with the trigger function created under revoked default EXECUTE.
-- roles: px_mdt
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE EXTENSION moddatetime;
GRANT EXECUTE ON FUNCTION public.moddatetime() TO px_mdt;
CREATE TABLE public.posts (id int, body text, updated_at timestamp DEFAULT now());
CREATE TRIGGER posts_mdt BEFORE UPDATE ON public.posts
  FOR EACH ROW EXECUTE PROCEDURE moddatetime(updated_at);
