-- Only CREATE revoked from PUBLIC on public (what PostgreSQL 15 does out of the box), written explicitly on every major.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE TABLE public.t (id int);
