-- Imitates Hasura's hdb_catalog: event_log/event_invocation_logs, the generated notify_hasura_<trigger>_INSERT/UPDATE trigger functions writing row data as json, hdb_version with a singleton unique index, and an app table wired to them.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE SCHEMA hdb_catalog;
CREATE TABLE hdb_catalog.hdb_version (
    hasura_uuid uuid DEFAULT public.gen_random_uuid() NOT NULL PRIMARY KEY,
    version text NOT NULL,
    upgraded_on timestamp with time zone NOT NULL,
    cli_state jsonb DEFAULT '{}'::jsonb NOT NULL,
    console_state jsonb DEFAULT '{}'::jsonb NOT NULL
);
CREATE UNIQUE INDEX hdb_version_one_row ON hdb_catalog.hdb_version USING btree (((version IS NOT NULL)));
CREATE TABLE hdb_catalog.event_log (
    id text DEFAULT public.gen_random_uuid() NOT NULL PRIMARY KEY,
    schema_name text NOT NULL,
    table_name text NOT NULL,
    trigger_name text NOT NULL,
    payload jsonb NOT NULL,
    delivered boolean DEFAULT false NOT NULL,
    error boolean DEFAULT false NOT NULL,
    tries integer DEFAULT 0 NOT NULL,
    created_at timestamp without time zone DEFAULT now(),
    locked timestamp with time zone,
    next_retry_at timestamp without time zone,
    archived boolean DEFAULT false NOT NULL
);
CREATE INDEX event_log_fetch_events ON hdb_catalog.event_log USING btree (locked NULLS FIRST, next_retry_at NULLS FIRST, created_at) WHERE ((delivered = false) AND (error = false) AND (archived = false));
CREATE INDEX event_log_trigger_name ON hdb_catalog.event_log USING btree (trigger_name);
CREATE TABLE hdb_catalog.event_invocation_logs (
    id text DEFAULT public.gen_random_uuid() NOT NULL PRIMARY KEY,
    event_id text REFERENCES hdb_catalog.event_log(id),
    status integer,
    request json,
    response json,
    created_at timestamp without time zone DEFAULT now()
);
CREATE INDEX event_invocation_logs_event_id_idx ON hdb_catalog.event_invocation_logs USING btree (event_id);
CREATE FUNCTION hdb_catalog.insert_event_log(schema_name text, table_name text, trigger_name text, op text, row_data json) RETURNS text LANGUAGE plpgsql AS $$
  DECLARE
    id text;
    payload json;
    session_variables json;
    server_version_num int;
    trace_context json;
  BEGIN
    id := gen_random_uuid();
    server_version_num := current_setting('server_version_num');
    IF server_version_num >= 90600 THEN
      session_variables := current_setting('hasura.user', 't');
      trace_context := current_setting('hasura.tracecontext', 't');
    ELSE
      BEGIN
        session_variables := current_setting('hasura.user');
      EXCEPTION WHEN OTHERS THEN
        session_variables := NULL;
      END;
    END IF;
    payload := json_build_object('op', op, 'data', row_data, 'session_variables', session_variables, 'trace_context', trace_context);
    INSERT INTO hdb_catalog.event_log (id, schema_name, table_name, trigger_name, payload)
    VALUES (id, schema_name, table_name, trigger_name, payload);
    RETURN id;
  END;
$$;
CREATE SCHEMA hdb_views;
CREATE TABLE public.orders (id serial PRIMARY KEY, customer text NOT NULL, status text NOT NULL DEFAULT 'pending', total numeric(10,2));
CREATE FUNCTION hdb_catalog."notify_hasura_order_created_INSERT"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    _old record;
    _new record;
    _data json;
  BEGIN
    IF TG_OP = 'UPDATE' THEN
      _old := row((SELECT  "e"  FROM  (SELECT  OLD."id" , OLD."status")  AS "e"));
      _new := row((SELECT  "e"  FROM  (SELECT  NEW."id" , NEW."status")  AS "e"));
    ELSE
      _old := row((SELECT  "e"  FROM  (SELECT  OLD."id", OLD."customer", OLD."status", OLD."total")  AS "e"));
      _new := row((SELECT  "e"  FROM  (SELECT  NEW."id", NEW."customer", NEW."status", NEW."total")  AS "e"));
    END IF;
    IF TG_OP = 'UPDATE' AND (_old = _new) THEN
      RETURN NULL;
    END IF;
    _data := json_build_object('old', NULL, 'new', row_to_json(NEW));
    PERFORM hdb_catalog.insert_event_log(CAST(TG_TABLE_SCHEMA AS text), CAST(TG_TABLE_NAME AS text), CAST('order_created' AS text), TG_OP, _data);
    RETURN NULL;
  END;
$$;
CREATE FUNCTION hdb_catalog."notify_hasura_order_status_UPDATE"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM hdb_catalog.insert_event_log(CAST(TG_TABLE_SCHEMA AS text), CAST(TG_TABLE_NAME AS text), CAST('order_status' AS text), TG_OP,
      json_build_object('old', row_to_json(OLD), 'new', row_to_json(NEW)));
    RETURN NULL;
  END;
$$;
CREATE TRIGGER "notify_hasura_order_created_INSERT" AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION hdb_catalog."notify_hasura_order_created_INSERT"();
CREATE TRIGGER "notify_hasura_order_status_UPDATE" AFTER UPDATE OF status ON public.orders FOR EACH ROW EXECUTE FUNCTION hdb_catalog."notify_hasura_order_status_UPDATE"();
ALTER TABLE public.orders ENABLE ALWAYS TRIGGER "notify_hasura_order_status_UPDATE";
ALTER TABLE public.orders ENABLE REPLICA TRIGGER "notify_hasura_order_created_INSERT";
