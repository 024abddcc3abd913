-- Imitates a PostgREST deployment: private tables in `private`, an `api` schema of security_invoker views and RPC functions exposed to web_anon/authenticator.
-- roles: ap_web_anon, ap_web_user, ap_authenticator
-- min-major: 15
CREATE SCHEMA private;
CREATE SCHEMA api;
CREATE TABLE private.users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email ~* '^.+@.+\..+$'),
  name text NOT NULL,
  role name NOT NULL DEFAULT 'ap_web_user' CHECK (length(role) < 512),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE private.todos (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id bigint NOT NULL REFERENCES private.users ON DELETE CASCADE,
  task text NOT NULL,
  done boolean NOT NULL DEFAULT false,
  due timestamptz
);
CREATE INDEX todos_owner_id_idx ON private.todos (owner_id) WHERE NOT done;
ALTER TABLE private.todos ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION private.current_user_id() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('request.jwt.claims', true)::json->>'user_id', '')::bigint
$$;
CREATE POLICY todos_owner ON private.todos TO ap_web_user USING (owner_id = private.current_user_id());
CREATE VIEW api.todos WITH (security_invoker = true) AS
  SELECT id, task, done, due FROM private.todos;
CREATE VIEW api.users WITH (security_invoker = on, security_barrier = true) AS
  SELECT id, name, created_at FROM private.users;
CREATE VIEW api.open_todos WITH (security_invoker) AS
  SELECT t.id, t.task, t.due, u.name AS owner FROM api.todos t JOIN private.todos pt USING (id) JOIN api.users u ON u.id = pt.owner_id WHERE NOT t.done;
CREATE VIEW api.due_todos WITH (security_invoker = true, check_option = cascaded) AS
  SELECT id, task, done, due FROM api.todos WHERE due IS NOT NULL;
CREATE VIEW api.legacy_stats AS SELECT count(*) AS n FROM private.todos;
CREATE FUNCTION api.complete_todo(todo_id bigint) RETURNS api.todos LANGUAGE sql AS $$
  UPDATE private.todos SET done = true WHERE id = todo_id RETURNING id, task, done, due
$$;
CREATE FUNCTION api.search_todos(q text) RETURNS SETOF api.todos LANGUAGE sql STABLE AS $$
  SELECT * FROM api.todos WHERE task ILIKE '%' || q || '%'
$$;
COMMENT ON SCHEMA api IS 'The exposed PostgREST schema';
COMMENT ON VIEW api.todos IS 'Todo items of the current user
The second line is a PostgREST description';
COMMENT ON COLUMN api.todos.due IS 'When the task is due';
GRANT USAGE ON SCHEMA api TO ap_web_anon, ap_web_user;
GRANT USAGE ON SCHEMA private TO ap_web_user;
GRANT SELECT ON api.users TO ap_web_anon;
GRANT SELECT, INSERT, UPDATE, DELETE ON api.todos TO ap_web_user;
GRANT SELECT ON api.open_todos, api.users TO ap_web_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON private.todos TO ap_web_user;
GRANT SELECT (id, name, created_at) ON private.users TO ap_web_user;
REVOKE EXECUTE ON FUNCTION api.complete_todo(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.complete_todo(bigint) TO ap_web_user;
