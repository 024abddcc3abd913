-- Imitates Apache Airflow's metadata database: dag/dag_run/task_instance with composite primary keys and composite foreign keys, an ab_* (Flask-AppBuilder) permission model, and alembic_version.
CREATE TABLE public.alembic_version (version_num character varying(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
CREATE TABLE public.dag (
    dag_id character varying(250) NOT NULL PRIMARY KEY,
    is_paused boolean,
    is_active boolean,
    last_parsed_time timestamp with time zone,
    fileloc character varying(2000),
    owners character varying(2000),
    description text,
    schedule_interval text,
    max_active_tasks integer NOT NULL,
    max_active_runs integer,
    has_task_concurrency_limits boolean NOT NULL,
    next_dagrun timestamp with time zone,
    next_dagrun_create_after timestamp with time zone
);
CREATE INDEX idx_next_dagrun_create_after ON public.dag USING btree (next_dagrun_create_after);
CREATE TABLE public.dag_run (
    id serial PRIMARY KEY,
    dag_id character varying(250) NOT NULL,
    queued_at timestamp with time zone,
    execution_date timestamp with time zone NOT NULL,
    start_date timestamp with time zone,
    end_date timestamp with time zone,
    state character varying(50),
    run_id character varying(250) NOT NULL,
    creating_job_id integer,
    external_trigger boolean,
    run_type character varying(50) NOT NULL,
    conf bytea,
    data_interval_start timestamp with time zone,
    data_interval_end timestamp with time zone,
    last_scheduling_decision timestamp with time zone,
    dag_hash character varying(32),
    log_template_id integer,
    updated_at timestamp with time zone,
    CONSTRAINT dag_run_dag_id_execution_date_key UNIQUE (dag_id, execution_date),
    CONSTRAINT dag_run_dag_id_run_id_key UNIQUE (dag_id, run_id)
);
CREATE INDEX dag_id_state ON public.dag_run USING btree (dag_id, state);
CREATE INDEX idx_dag_run_dag_id ON public.dag_run USING btree (dag_id);
CREATE INDEX idx_dag_run_queued_dags ON public.dag_run USING btree (state, dag_id) WHERE ((state)::text = 'queued'::text);
CREATE INDEX idx_dag_run_running_dags ON public.dag_run USING btree (state, dag_id) WHERE ((state)::text = 'running'::text);
CREATE TABLE public.task_instance (
    task_id character varying(250) NOT NULL,
    dag_id character varying(250) NOT NULL,
    run_id character varying(250) NOT NULL,
    map_index integer DEFAULT '-1'::integer NOT NULL,
    start_date timestamp with time zone,
    end_date timestamp with time zone,
    duration double precision,
    state character varying(20),
    try_number integer,
    max_tries integer DEFAULT '-1'::integer,
    hostname character varying(1000),
    unixname character varying(1000),
    job_id integer,
    pool character varying(256) NOT NULL,
    pool_slots integer NOT NULL,
    queue character varying(256),
    priority_weight integer,
    operator character varying(1000),
    queued_dttm timestamp with time zone,
    queued_by_job_id integer,
    pid integer,
    executor_config bytea,
    updated_at timestamp with time zone,
    external_executor_id character varying(250),
    trigger_id integer,
    trigger_timeout timestamp without time zone,
    next_method character varying(1000),
    next_kwargs json,
    CONSTRAINT task_instance_pkey PRIMARY KEY (dag_id, task_id, run_id, map_index)
);
ALTER TABLE ONLY public.task_instance ADD CONSTRAINT task_instance_dag_run_fkey FOREIGN KEY (dag_id, run_id) REFERENCES public.dag_run(dag_id, run_id) ON DELETE CASCADE;
CREATE INDEX ti_dag_run ON public.task_instance USING btree (dag_id, run_id);
CREATE INDEX ti_dag_state ON public.task_instance USING btree (dag_id, state);
CREATE INDEX ti_job_id ON public.task_instance USING btree (job_id);
CREATE INDEX ti_pool ON public.task_instance USING btree (pool, state, priority_weight);
CREATE INDEX ti_state ON public.task_instance USING btree (state);
CREATE INDEX ti_state_lkp ON public.task_instance USING btree (dag_id, task_id, run_id, state);
CREATE TABLE public.xcom (
    dag_run_id integer NOT NULL,
    task_id character varying(250) NOT NULL,
    map_index integer DEFAULT '-1'::integer NOT NULL,
    key character varying(512) NOT NULL,
    dag_id character varying(250) NOT NULL,
    run_id character varying(250) NOT NULL,
    value bytea,
    "timestamp" timestamp with time zone NOT NULL,
    CONSTRAINT xcom_pkey PRIMARY KEY (dag_run_id, task_id, map_index, key)
);
ALTER TABLE ONLY public.xcom ADD CONSTRAINT xcom_task_instance_fkey FOREIGN KEY (dag_id, task_id, run_id, map_index) REFERENCES public.task_instance(dag_id, task_id, run_id, map_index) ON DELETE CASCADE;
CREATE INDEX idx_xcom_key ON public.xcom USING btree (key);
CREATE INDEX idx_xcom_task_instance ON public.xcom USING btree (dag_id, task_id, run_id, map_index);
CREATE TABLE public.ab_role (id serial PRIMARY KEY, name character varying(64) NOT NULL UNIQUE);
CREATE TABLE public.ab_user (
    id serial PRIMARY KEY,
    first_name character varying(256) NOT NULL,
    last_name character varying(256) NOT NULL,
    username character varying(512) NOT NULL UNIQUE,
    password character varying(256),
    active boolean,
    email character varying(512) NOT NULL UNIQUE,
    last_login timestamp without time zone,
    login_count integer,
    fail_login_count integer,
    created_on timestamp without time zone,
    changed_on timestamp without time zone,
    created_by_fk integer REFERENCES public.ab_user(id),
    changed_by_fk integer REFERENCES public.ab_user(id)
);
CREATE TABLE public.ab_user_role (
    id serial PRIMARY KEY,
    user_id integer REFERENCES public.ab_user(id) ON DELETE CASCADE,
    role_id integer REFERENCES public.ab_role(id) ON DELETE CASCADE,
    CONSTRAINT ab_user_role_user_id_role_id_key UNIQUE (user_id, role_id)
);
