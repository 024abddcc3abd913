-- Column privileges re-granted by a grantee holding them WITH GRANT OPTION (grantor is not the owner).
-- roles: tb_lead, tb_dev, tb_intern
CREATE SCHEMA cgg;
GRANT USAGE ON SCHEMA cgg TO tb_lead, tb_dev, tb_intern;
CREATE TABLE cgg.salaries (id int, name text, amount numeric);
ALTER TABLE cgg.salaries OWNER TO tb_lead;
SET ROLE tb_lead;
GRANT SELECT (id, name), UPDATE (name) ON cgg.salaries TO tb_dev WITH GRANT OPTION;
RESET ROLE;
SET ROLE tb_dev;
GRANT SELECT (name) ON cgg.salaries TO tb_intern;
RESET ROLE;
