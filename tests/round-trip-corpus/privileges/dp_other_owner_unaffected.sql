-- Defaults set FOR ROLE one owner do not reach objects of another owner in the same schema.
-- roles: pv_one, pv_two, pv_watcher
CREATE SCHEMA mixed;
GRANT CREATE, USAGE ON SCHEMA mixed TO pv_one, pv_two;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_one IN SCHEMA mixed GRANT SELECT ON TABLES TO pv_watcher;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_two IN SCHEMA mixed GRANT DELETE ON TABLES TO pv_watcher;
SET ROLE pv_one;
CREATE TABLE mixed.by_one (id int);
RESET ROLE;
SET ROLE pv_two;
CREATE TABLE mixed.by_two (id int);
RESET ROLE;
CREATE TABLE mixed.by_superuser (id int);
ALTER TABLE mixed.by_superuser OWNER TO pv_one;
