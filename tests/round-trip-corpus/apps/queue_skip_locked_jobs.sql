-- Imitates a hand-rolled job queue (river / good_job style): a jobs table with state enum, priority and run_at indexes, a SKIP LOCKED dequeue function, NOTIFY trigger and a completion procedure.
CREATE SCHEMA queue;
CREATE TYPE queue.job_state AS ENUM ('available', 'scheduled', 'running', 'retryable', 'completed', 'cancelled', 'discarded');
CREATE TABLE queue.jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  queue text NOT NULL DEFAULT 'default',
  args jsonb NOT NULL DEFAULT '{}',
  state queue.job_state NOT NULL DEFAULT 'available',
  priority smallint NOT NULL DEFAULT 1,
  attempt smallint NOT NULL DEFAULT 0,
  max_attempts smallint NOT NULL,
  attempted_by text[],
  errors jsonb[],
  scheduled_at timestamptz NOT NULL DEFAULT now(),
  attempted_at timestamptz,
  finalized_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  tags varchar(255)[] NOT NULL DEFAULT '{}',
  unique_key bytea,
  CONSTRAINT finalized_or_finalized_at_null CHECK ((finalized_at IS NULL AND state NOT IN ('cancelled', 'completed', 'discarded')) OR (finalized_at IS NOT NULL AND state IN ('cancelled', 'completed', 'discarded'))),
  CONSTRAINT priority_in_range CHECK (priority >= 1 AND priority <= 4),
  CONSTRAINT queue_length CHECK (char_length(queue) > 0 AND char_length(queue) < 128),
  CONSTRAINT kind_length CHECK (char_length(kind) > 0 AND char_length(kind) < 128)
);
CREATE INDEX jobs_kind ON queue.jobs USING btree (kind);
CREATE INDEX jobs_state_and_finalized_at_index ON queue.jobs USING btree (state, finalized_at) WHERE finalized_at IS NOT NULL;
CREATE INDEX jobs_prioritized_fetching_index ON queue.jobs USING btree (state, queue, priority, scheduled_at, id);
CREATE INDEX jobs_args_index ON queue.jobs USING gin (args);
CREATE UNIQUE INDEX jobs_unique_key ON queue.jobs USING btree (kind, unique_key) WHERE unique_key IS NOT NULL AND state IN ('available', 'running', 'scheduled');
CREATE UNLOGGED TABLE queue.leaders (
  elected_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  leader_id text NOT NULL,
  name text PRIMARY KEY DEFAULT 'default',
  CONSTRAINT name_length CHECK (name = 'default'),
  CONSTRAINT leader_id_length CHECK (char_length(leader_id) > 0 AND char_length(leader_id) < 128)
);
CREATE FUNCTION queue.dequeue(p_queue text, p_worker text, p_limit integer DEFAULT 1) RETURNS SETOF queue.jobs
LANGUAGE sql AS $$
  WITH locked AS (
    SELECT id FROM queue.jobs
     WHERE state = 'available' AND queue = p_queue AND scheduled_at <= now()
     ORDER BY priority, scheduled_at, id
     LIMIT p_limit
     FOR UPDATE SKIP LOCKED
  )
  UPDATE queue.jobs j
     SET state = 'running', attempt = j.attempt + 1, attempted_at = now(),
         attempted_by = array_append(j.attempted_by, p_worker)
    FROM locked
   WHERE j.id = locked.id
  RETURNING j.*
$$;
CREATE FUNCTION queue.jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('queue_insert', json_build_object('queue', NEW.queue)::text);
  RETURN NULL;
END $$;
CREATE TRIGGER jobs_notify AFTER INSERT ON queue.jobs FOR EACH ROW WHEN (NEW.state = 'available'::queue.job_state) EXECUTE FUNCTION queue.jobs_notify();
CREATE PROCEDURE queue.complete(p_id bigint, INOUT p_state queue.job_state DEFAULT 'completed')
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE queue.jobs SET state = p_state, finalized_at = now() WHERE id = p_id;
  COMMIT;
END $$;
CREATE PROCEDURE queue.prune(p_before interval DEFAULT '7 days')
LANGUAGE sql AS $$
  DELETE FROM queue.jobs WHERE finalized_at < now() - p_before;
$$;
