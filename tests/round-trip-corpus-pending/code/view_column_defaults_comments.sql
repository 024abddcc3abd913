-- A writable view with column defaults (ALTER VIEW .. SET DEFAULT), renamed columns and column comments.
-- roles: vw_reader, vw_writer
CREATE SCHEMA vd;
CREATE TABLE vd.tasks (id serial PRIMARY KEY, title text NOT NULL, status text, created timestamptz);
CREATE VIEW vd.open_tasks (task_id, task_title, task_status, created_at) AS
  SELECT id, title, status, created FROM vd.tasks WHERE status IS DISTINCT FROM 'done';
ALTER VIEW vd.open_tasks ALTER COLUMN task_status SET DEFAULT 'open';
ALTER VIEW vd.open_tasks ALTER COLUMN created_at SET DEFAULT now();
ALTER VIEW vd.open_tasks ALTER COLUMN task_id SET DEFAULT nextval('vd.tasks_id_seq');
ALTER VIEW vd.open_tasks RENAME COLUMN task_title TO title;
COMMENT ON VIEW vd.open_tasks IS 'tasks not done';
COMMENT ON COLUMN vd.open_tasks.title IS 'the task''s title';
COMMENT ON COLUMN vd.open_tasks.task_status IS 'defaults to open';
GRANT SELECT ON vd.open_tasks TO vw_reader;
GRANT INSERT (title, task_status), UPDATE (task_status) ON vd.open_tasks TO vw_writer;
