-- Imitates graphile-worker's schema: graphile_worker.jobs/job_queues/known_crontabs, add_job() with many defaulted arguments, get_job() with SKIP LOCKED, and the NOTIFY trigger on job insert.
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
CREATE SCHEMA graphile_worker;
CREATE TABLE graphile_worker.job_queues (
    queue_name text NOT NULL PRIMARY KEY,
    job_count integer NOT NULL,
    locked_at timestamp with time zone,
    locked_by text
);
CREATE TABLE graphile_worker.jobs (
    id bigserial PRIMARY KEY,
    queue_name text DEFAULT (public.gen_random_uuid())::text,
    task_identifier text NOT NULL,
    payload json DEFAULT '{}'::json NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    run_at timestamp with time zone DEFAULT now() NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    max_attempts integer DEFAULT 25 NOT NULL,
    last_error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    key text,
    locked_at timestamp with time zone,
    locked_by text,
    revision integer DEFAULT 0 NOT NULL,
    flags jsonb,
    CONSTRAINT jobs_key_check CHECK ((length(key) > 0)),
    CONSTRAINT jobs_max_attempts_check CHECK ((max_attempts > 0)),
    CONSTRAINT jobs_key_key UNIQUE (key)
);
CREATE INDEX jobs_priority_run_at_id_locked_at_without_failures_idx ON graphile_worker.jobs USING btree (priority, run_at, id, locked_at) WHERE (attempts < max_attempts);
CREATE TABLE graphile_worker.known_crontabs (
    identifier text NOT NULL PRIMARY KEY,
    known_since timestamp with time zone NOT NULL,
    last_execution timestamp with time zone
);
CREATE TABLE graphile_worker.migrations (
    id integer NOT NULL PRIMARY KEY,
    ts timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE graphile_worker.job_queues ENABLE ROW LEVEL SECURITY;
ALTER TABLE graphile_worker.jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE graphile_worker.known_crontabs ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION graphile_worker.add_job(identifier text, payload json DEFAULT NULL::json, queue_name text DEFAULT NULL::text, run_at timestamp with time zone DEFAULT NULL::timestamp with time zone, max_attempts integer DEFAULT NULL::integer, job_key text DEFAULT NULL::text, priority integer DEFAULT NULL::integer, flags text[] DEFAULT NULL::text[], job_key_mode text DEFAULT 'replace'::text) RETURNS graphile_worker.jobs
    LANGUAGE plpgsql AS $$
declare
  v_job "graphile_worker".jobs;
begin
  if (job_key is null or job_key_mode is null or job_key_mode in ('replace', 'preserve_run_at')) then
    insert into "graphile_worker".jobs (task_identifier, payload, queue_name, run_at, max_attempts, key, priority, flags)
      values(identifier, coalesce(payload, '{}'::json), queue_name, coalesce(run_at, now()), coalesce(max_attempts, 25), job_key, coalesce(priority, 0),
        (select jsonb_object_agg(flag, true) from unnest(flags) as item(flag)))
      on conflict (key) do update set
        task_identifier=excluded.task_identifier,
        payload=excluded.payload,
        queue_name=excluded.queue_name,
        max_attempts=excluded.max_attempts,
        run_at=(case when job_key_mode = 'preserve_run_at' and jobs.attempts = 0 then jobs.run_at else excluded.run_at end),
        priority=excluded.priority,
        revision=jobs.revision + 1,
        flags=excluded.flags,
        attempts=0,
        last_error=null
      where jobs.locked_at is null
      returning *
      into v_job;
    if v_job.id is not null then
      return v_job;
    end if;
    update "graphile_worker".jobs set key = null, attempts = jobs.max_attempts where key = job_key;
  elsif job_key_mode = 'unsafe_dedupe' then
    insert into "graphile_worker".jobs (task_identifier, payload, queue_name, run_at, max_attempts, key, priority, flags)
      values(identifier, coalesce(payload, '{}'::json), queue_name, coalesce(run_at, now()), coalesce(max_attempts, 25), job_key, coalesce(priority, 0),
        (select jsonb_object_agg(flag, true) from unnest(flags) as item(flag)))
      on conflict (key) do update set score_placeholder = null
      returning * into v_job;
    return v_job;
  else
    raise exception 'Invalid job_key_mode value, expected ''replace'', ''preserve_run_at'' or ''unsafe_dedupe''.' using errcode = 'GWBKM';
  end if;
  insert into "graphile_worker".jobs (task_identifier, payload, queue_name, run_at, max_attempts, priority, flags)
    values(identifier, coalesce(payload, '{}'::json), queue_name, coalesce(run_at, now()), coalesce(max_attempts, 25), coalesce(priority, 0),
    (select jsonb_object_agg(flag, true) from unnest(flags) as item(flag)))
    returning * into v_job;
  return v_job;
end;
$$;
CREATE FUNCTION graphile_worker.get_job(worker_id text, task_identifiers text[] DEFAULT NULL::text[], job_expiry interval DEFAULT '04:00:00'::interval, forbidden_flags text[] DEFAULT NULL::text[], now timestamp with time zone DEFAULT now()) RETURNS graphile_worker.jobs
    LANGUAGE plpgsql AS $$
declare
  v_job_id bigint;
  v_queue_name text;
  v_row "graphile_worker".jobs;
begin
  select jobs.queue_name, jobs.id into v_queue_name, v_job_id
    from "graphile_worker".jobs
    where (jobs.locked_at is null or jobs.locked_at < (now - job_expiry))
    and (jobs.queue_name is null or exists (select 1 from "graphile_worker".job_queues where job_queues.queue_name = jobs.queue_name and (job_queues.locked_at is null or job_queues.locked_at < (now - job_expiry)) for update skip locked))
    and run_at <= now
    and attempts < max_attempts
    and (task_identifiers is null or task_identifier = any(task_identifiers))
    and (forbidden_flags is null or (flags ?| forbidden_flags) is not true)
    order by priority asc, run_at asc, id asc
    limit 1
    for update skip locked;
  if v_job_id is null then
    return null;
  end if;
  if v_queue_name is not null then
    update "graphile_worker".job_queues as job_queues set locked_by = worker_id, locked_at = now where job_queues.queue_name = v_queue_name;
  end if;
  update "graphile_worker".jobs set attempts = attempts + 1, locked_by = worker_id, locked_at = now where id = v_job_id returning * into v_row;
  return v_row;
end;
$$;
CREATE FUNCTION graphile_worker.tg_jobs__notify_new_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  perform pg_notify('jobs:insert', '');
  return new;
end;
$$;
CREATE FUNCTION graphile_worker.tg__update_timestamp() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  new.updated_at = greatest(now(), old.updated_at + interval '1 millisecond');
  return new;
end;
$$;
CREATE TRIGGER _100_timestamps BEFORE UPDATE ON graphile_worker.jobs FOR EACH ROW EXECUTE FUNCTION graphile_worker.tg__update_timestamp();
CREATE TRIGGER _900_notify_worker AFTER INSERT ON graphile_worker.jobs FOR EACH STATEMENT EXECUTE FUNCTION graphile_worker.tg_jobs__notify_new_jobs();
