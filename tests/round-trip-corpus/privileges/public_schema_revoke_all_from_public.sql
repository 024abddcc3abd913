-- The classic CVE-2018-1058 hardening: REVOKE ALL ON SCHEMA public FROM PUBLIC, then USAGE back for one app role.
-- roles: pv_pub_app
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO pv_pub_app;
CREATE TABLE public.t (id int);
GRANT SELECT ON public.t TO pv_pub_app;
