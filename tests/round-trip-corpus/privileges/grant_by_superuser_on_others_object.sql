-- A superuser granting on tables owned by someone else: the recorded grantor is the owner, mixed with the owner's own grants.
-- roles: pv_su_owner, pv_su_a, pv_su_b
CREATE TABLE public.t (id int, v text);
ALTER TABLE public.t OWNER TO pv_su_owner;
GRANT SELECT ON public.t TO pv_su_a;
SET ROLE pv_su_owner;
GRANT INSERT ON public.t TO pv_su_b;
RESET ROLE;
GRANT UPDATE (v) ON public.t TO pv_su_b;
CREATE TABLE public.u (id int);
GRANT ALL ON public.u TO pv_su_a;
ALTER TABLE public.u OWNER TO pv_su_owner;
