-- A trusted extension installed by a database-owner-like role (not a superuser); that role then re-grants member functions.
-- roles: px_trusted_owner, px_trusted_user
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO px_trusted_owner', current_database()); END $$;
SET ROLE px_trusted_owner;
CREATE SCHEMA tx;
CREATE EXTENSION fuzzystrmatch SCHEMA tx;
RESET ROLE;
REVOKE EXECUTE ON FUNCTION tx.metaphone(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tx.metaphone(text, integer) TO px_trusted_user;
SET ROLE px_trusted_owner;
CREATE TABLE tx.names (n text);
CREATE INDEX names_dm ON tx.names (tx.dmetaphone(n));
RESET ROLE;
DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM px_trusted_owner', current_database()); END $$;
