-- Trigger-based referential integrity with refint's check_primary_key/check_foreign_key; both locked down.
-- roles: px_refint
CREATE EXTENSION refint;
REVOKE EXECUTE ON FUNCTION public.check_primary_key() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.check_foreign_key() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.check_primary_key(), public.check_foreign_key() TO px_refint;
CREATE TABLE public.parent (id int PRIMARY KEY);
CREATE TABLE public.child (id int, parent_id int);
CREATE TRIGGER child_pk BEFORE INSERT OR UPDATE ON public.child
  FOR EACH ROW EXECUTE PROCEDURE check_primary_key('parent_id', 'parent', 'id');
CREATE TRIGGER parent_fk BEFORE DELETE OR UPDATE ON public.parent
  FOR EACH ROW EXECUTE PROCEDURE check_foreign_key(1, 'cascade', 'id', 'child', 'parent_id');
