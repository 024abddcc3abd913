-- An event trigger owned by a dedicated superuser role other than the one loading the schema.
-- roles: evt_owner
CREATE SCHEMA evto;
CREATE FUNCTION evto.noop() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER evto_owned ON sql_drop EXECUTE FUNCTION evto.noop();
-- Event triggers must be owned by a superuser; the role stays one (roles are cluster-wide).
ALTER ROLE evt_owner SUPERUSER;
ALTER EVENT TRIGGER evto_owned OWNER TO evt_owner;
ALTER FUNCTION evto.noop() OWNER TO evt_owner;
