-- Grant options withdrawn but the privilege kept (REVOKE GRANT OPTION FOR), on a table and on columns.
-- roles: pv_rgo_a, pv_rgo_b
CREATE TABLE public.t (id int, a text, b text);
GRANT SELECT, INSERT ON public.t TO pv_rgo_a WITH GRANT OPTION;
REVOKE GRANT OPTION FOR INSERT ON public.t FROM pv_rgo_a;
GRANT SELECT (a, b), UPDATE (a) ON public.t TO pv_rgo_b WITH GRANT OPTION;
REVOKE GRANT OPTION FOR SELECT (b) ON public.t FROM pv_rgo_b;
