-- INSTEAD OF triggers making a joined view writable (insert/update/delete).
CREATE SCHEMA crm;
CREATE TABLE crm.companies (id int PRIMARY KEY, name text);
CREATE TABLE crm.contacts (id int PRIMARY KEY, company_id int REFERENCES crm.companies, email text);
CREATE VIEW crm.contact_list AS
  SELECT c.id, c.email, co.name AS company FROM crm.contacts c JOIN crm.companies co ON co.id = c.company_id;
CREATE FUNCTION crm.contact_list_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN DELETE FROM crm.contacts WHERE id = OLD.id; RETURN OLD; END IF;
  IF TG_OP = 'UPDATE' THEN UPDATE crm.contacts SET email = NEW.email WHERE id = OLD.id; RETURN NEW; END IF;
  INSERT INTO crm.contacts VALUES (NEW.id, (SELECT id FROM crm.companies WHERE name = NEW.company), NEW.email);
  RETURN NEW;
END $$;
CREATE TRIGGER contact_list_ins INSTEAD OF INSERT ON crm.contact_list FOR EACH ROW EXECUTE FUNCTION crm.contact_list_write();
CREATE TRIGGER contact_list_upd_del INSTEAD OF UPDATE OR DELETE ON crm.contact_list FOR EACH ROW EXECUTE FUNCTION crm.contact_list_write();
