-- Trigger functions owned by a different role than the table, with revoked PUBLIC execute and multiple tables sharing one function.
-- roles: tr_owner, tr_app
CREATE SCHEMA shared;
CREATE TABLE shared.a (id int, modified timestamptz);
CREATE TABLE shared.b (id int, modified timestamptz);
ALTER TABLE shared.b OWNER TO tr_app;
CREATE FUNCTION shared.stamp() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.modified := now(); RETURN NEW; END$$;
ALTER FUNCTION shared.stamp() OWNER TO tr_owner;
REVOKE EXECUTE ON FUNCTION shared.stamp() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION shared.stamp() TO tr_app;
CREATE TRIGGER a_stamp BEFORE UPDATE ON shared.a FOR EACH ROW EXECUTE FUNCTION shared.stamp();
CREATE TRIGGER b_stamp BEFORE UPDATE ON shared.b FOR EACH ROW EXECUTE FUNCTION shared.stamp();
CREATE TRIGGER "B Stamp Insert" BEFORE INSERT ON shared.b FOR EACH ROW EXECUTE FUNCTION shared.stamp();
