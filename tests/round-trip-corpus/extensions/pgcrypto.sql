-- Password hashing with pgcrypto in a crypto schema: crypt/gen_salt for the app role only, digest used in a generated column.
-- roles: px_crypto
CREATE SCHEMA crypto;
CREATE EXTENSION pgcrypto SCHEMA crypto;
REVOKE EXECUTE ON FUNCTION crypto.crypt(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crypto.crypt(text, text) TO px_crypto;
REVOKE EXECUTE ON FUNCTION crypto.gen_salt(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crypto.gen_salt(text) TO px_crypto;
CREATE TABLE public.logins (
  username text PRIMARY KEY,
  pw_hash text NOT NULL,
  fingerprint bytea GENERATED ALWAYS AS (crypto.digest(username, 'sha256')) STORED
);
