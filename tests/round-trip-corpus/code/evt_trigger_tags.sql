-- Event triggers guarding DDL: ddl_command_start with TAG filters, sql_drop and table_rewrite, with comments.
CREATE SCHEMA ddl;
CREATE TABLE ddl.log (at timestamptz DEFAULT now(), tag text);
CREATE FUNCTION ddl.on_start() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO ddl.log (tag) VALUES (tg_tag); END $$;
CREATE FUNCTION ddl.on_drop() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM 1 FROM pg_event_trigger_dropped_objects(); END $$;
CREATE FUNCTION ddl.on_rewrite() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN RAISE NOTICE 'rewrite of %', pg_event_trigger_table_rewrite_oid()::regclass; END $$;
CREATE EVENT TRIGGER log_table_ddl ON ddl_command_start
  WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE', 'DROP TABLE') EXECUTE FUNCTION ddl.on_start();
CREATE EVENT TRIGGER watch_drops ON sql_drop EXECUTE FUNCTION ddl.on_drop();
CREATE EVENT TRIGGER watch_rewrites ON table_rewrite EXECUTE PROCEDURE ddl.on_rewrite();
COMMENT ON EVENT TRIGGER watch_drops IS 'sees every dropped object';
