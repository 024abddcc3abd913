-- Event triggers in every state (disabled, replica, always), including a ddl_command_end trigger with tags.
CREATE SCHEMA evt;
CREATE FUNCTION evt.noop() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER "Evt Disabled" ON ddl_command_end EXECUTE FUNCTION evt.noop();
CREATE EVENT TRIGGER evt_replica ON ddl_command_end WHEN TAG IN ('CREATE FUNCTION') EXECUTE FUNCTION evt.noop();
CREATE EVENT TRIGGER evt_always ON sql_drop EXECUTE FUNCTION evt.noop();
ALTER EVENT TRIGGER "Evt Disabled" DISABLE;
ALTER EVENT TRIGGER evt_replica ENABLE REPLICA;
ALTER EVENT TRIGGER evt_always ENABLE ALWAYS;
