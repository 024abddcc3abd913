-- A domain with owner and grants whose constraints were renamed, dropped and a NOT NULL toggled.
-- roles: tv_owner, tv_reader
CREATE SCHEMA acct;
CREATE DOMAIN acct.username AS text CONSTRAINT c1 CHECK (VALUE <> '') CONSTRAINT c2 CHECK (length(VALUE) < 64);
ALTER DOMAIN acct.username RENAME CONSTRAINT c1 TO username_not_empty;
ALTER DOMAIN acct.username DROP CONSTRAINT c2;
ALTER DOMAIN acct.username SET NOT NULL;
ALTER DOMAIN acct.username DROP NOT NULL;
ALTER DOMAIN acct.username SET DEFAULT 'anon';
ALTER DOMAIN acct.username OWNER TO tv_owner;
REVOKE USAGE ON DOMAIN acct.username FROM PUBLIC;
GRANT USAGE ON DOMAIN acct.username TO tv_reader;
