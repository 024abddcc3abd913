-- Extension member functions granted WITH GRANT OPTION to an admin role, who passes them on (grantor is not the owner).
-- roles: px_mg_admin, px_mg_user
CREATE SCHEMA crypto;
CREATE EXTENSION pgcrypto SCHEMA crypto;
GRANT USAGE ON SCHEMA crypto TO px_mg_admin, px_mg_user;
REVOKE EXECUTE ON FUNCTION crypto.digest(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crypto.digest(text, text) TO px_mg_admin WITH GRANT OPTION;
REVOKE EXECUTE ON FUNCTION crypto.hmac(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION crypto.hmac(text, text, text) TO px_mg_admin WITH GRANT OPTION;
SET ROLE px_mg_admin;
GRANT EXECUTE ON FUNCTION crypto.digest(text, text) TO px_mg_user;
GRANT EXECUTE ON FUNCTION crypto.hmac(text, text, text) TO px_mg_user;
RESET ROLE;
