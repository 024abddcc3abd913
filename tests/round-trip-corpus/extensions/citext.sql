-- Case-insensitive emails with citext in an ext schema; a regex member function and the type itself with changed privileges.
-- roles: px_citext
CREATE SCHEMA ext;
CREATE EXTENSION citext SCHEMA ext;
REVOKE EXECUTE ON FUNCTION ext.regexp_matches(ext.citext, ext.citext) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ext.regexp_matches(ext.citext, ext.citext) TO px_citext;
GRANT USAGE ON TYPE ext.citext TO px_citext WITH GRANT OPTION;
CREATE TABLE public.users (id int PRIMARY KEY, email ext.citext NOT NULL UNIQUE, nick ext.citext);
CREATE INDEX users_nick ON public.users (nick);
CREATE DOMAIN public.email_ci AS ext.citext CHECK (VALUE LIKE '%@%');
