-- Column grants surviving a column rename and a dropped neighbour (attnums with a hole).
-- roles: pv_colr
CREATE TABLE public.t (id int, gone text, old_name text, keep int);
GRANT SELECT (gone, old_name, keep), UPDATE (keep) ON public.t TO pv_colr;
ALTER TABLE public.t DROP COLUMN gone;
ALTER TABLE public.t RENAME COLUMN old_name TO new_name;
ALTER TABLE public.t ADD COLUMN added int;
GRANT INSERT (added) ON public.t TO pv_colr;
