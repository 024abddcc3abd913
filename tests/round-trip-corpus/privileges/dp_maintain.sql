-- PostgreSQL 17 MAINTAIN privilege: a maintenance role gets it by default on new tables and materialized views.
-- min-major: 17
-- roles: pv_maint
CREATE SCHEMA ops;
CREATE TABLE ops.before (id int);
ALTER DEFAULT PRIVILEGES IN SCHEMA ops GRANT MAINTAIN ON TABLES TO pv_maint;
CREATE TABLE ops.after (id int);
CREATE MATERIALIZED VIEW ops.mv AS SELECT id FROM ops.after;
GRANT MAINTAIN ON ops.before TO pv_maint;
REVOKE MAINTAIN ON ops.after FROM pv_maint;
GRANT MAINTAIN ON ops.mv TO pg_maintain;
