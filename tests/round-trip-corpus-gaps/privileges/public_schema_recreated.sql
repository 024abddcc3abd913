-- The public schema dropped and created again by hand: a new owner and no built-in ACL.
-- roles: pv_pubre
DROP SCHEMA public;
CREATE SCHEMA public AUTHORIZATION pv_pubre;
CREATE TABLE public.t (id int);
