-- The public schema handed to an application owner, who then locks it down and grants it on.
-- roles: pv_pub_owner, pv_pub_user
ALTER SCHEMA public OWNER TO pv_pub_owner;
SET ROLE pv_pub_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO pv_pub_user;
CREATE TABLE public.owned (id int);
RESET ROLE;
COMMENT ON SCHEMA public IS 'application schema';
