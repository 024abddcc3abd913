-- PostgreSQL 15's public schema (owned by pg_database_owner) with the owner's own CREATE revoked and given to a deployer.
-- min-major: 15
-- roles: pv_pdo_deployer
REVOKE CREATE ON SCHEMA public FROM pg_database_owner;
GRANT CREATE ON SCHEMA public TO pv_pdo_deployer;
CREATE TABLE public.t (id int);
