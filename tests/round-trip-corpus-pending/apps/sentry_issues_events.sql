-- Imitates Sentry's Django schema: sentry_organization/project/groupedmessage/grouphash with bigserial ids, BoundedPositiveIntegerField checks, DEFERRABLE INITIALLY DEFERRED FKs and composite unique constraints.
CREATE TABLE public.sentry_organization (
    id bigserial PRIMARY KEY,
    name character varying(64) NOT NULL,
    status integer NOT NULL,
    date_added timestamp with time zone NOT NULL,
    slug character varying(50) NOT NULL UNIQUE,
    flags bigint NOT NULL,
    default_role character varying(32) NOT NULL,
    CONSTRAINT sentry_organization_status_check CHECK ((status >= 0))
);
CREATE INDEX sentry_organization_slug_like ON public.sentry_organization USING btree (slug varchar_pattern_ops);
CREATE TABLE public.sentry_project (
    id bigserial PRIMARY KEY,
    name character varying(200) NOT NULL,
    public boolean NOT NULL,
    date_added timestamp with time zone NOT NULL,
    status integer NOT NULL,
    slug character varying(50),
    organization_id bigint NOT NULL,
    platform character varying(64),
    forced_color character varying(6),
    flags bigint,
    first_event timestamp with time zone,
    CONSTRAINT sentry_project_status_check CHECK ((status >= 0)),
    CONSTRAINT sentry_project_organization_id_slug_uniq UNIQUE (organization_id, slug)
);
ALTER TABLE ONLY public.sentry_project ADD CONSTRAINT sentry_project_organization_id_fk FOREIGN KEY (organization_id) REFERENCES public.sentry_organization(id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX sentry_project_organization_id ON public.sentry_project USING btree (organization_id);
CREATE INDEX sentry_project_status ON public.sentry_project USING btree (status);
CREATE TABLE public.sentry_groupedmessage (
    id bigserial PRIMARY KEY,
    logger character varying(64) NOT NULL,
    level integer NOT NULL,
    message text NOT NULL,
    view character varying(200),
    status integer NOT NULL,
    times_seen integer NOT NULL,
    last_seen timestamp with time zone NOT NULL,
    first_seen timestamp with time zone NOT NULL,
    data text,
    score integer NOT NULL,
    project_id bigint,
    time_spent_total integer NOT NULL,
    time_spent_count integer NOT NULL,
    resolved_at timestamp with time zone,
    active_at timestamp with time zone,
    is_public boolean,
    platform character varying(64),
    num_comments integer,
    first_release_id bigint,
    short_id bigint,
    type integer DEFAULT 1 NOT NULL,
    substatus integer,
    priority integer,
    CONSTRAINT sentry_groupedmessage_level_check CHECK ((level >= 0)),
    CONSTRAINT sentry_groupedmessage_num_comments_check CHECK ((num_comments >= 0)),
    CONSTRAINT sentry_groupedmessage_status_check CHECK ((status >= 0)),
    CONSTRAINT sentry_groupedmessage_times_seen_check CHECK ((times_seen >= 0)),
    CONSTRAINT sentry_groupedmessage_project_id_short_id_uniq UNIQUE (project_id, short_id)
);
ALTER TABLE ONLY public.sentry_groupedmessage ADD CONSTRAINT sentry_groupedmessage_project_id_fk FOREIGN KEY (project_id) REFERENCES public.sentry_project(id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX sentry_groupedmessage_active_at ON public.sentry_groupedmessage USING btree (active_at);
CREATE INDEX sentry_groupedmessage_first_release_id ON public.sentry_groupedmessage USING btree (first_release_id);
CREATE INDEX sentry_groupedmessage_last_seen ON public.sentry_groupedmessage USING btree (last_seen);
CREATE INDEX sentry_groupedmessage_project_id_status_last_seen_id ON public.sentry_groupedmessage USING btree (project_id, status, last_seen, id);
CREATE INDEX sentry_groupedmessage_project_id_status_substatus_type_last_seen_id ON public.sentry_groupedmessage USING btree (project_id, status, substatus, type, last_seen, id);
CREATE TABLE public.sentry_grouphash (
    id bigserial PRIMARY KEY,
    hash character varying(32) NOT NULL,
    group_id bigint,
    project_id bigint,
    state integer,
    CONSTRAINT sentry_grouphash_state_check CHECK ((state >= 0)),
    CONSTRAINT sentry_grouphash_project_id_hash_uniq UNIQUE (project_id, hash)
);
ALTER TABLE ONLY public.sentry_grouphash ADD CONSTRAINT sentry_grouphash_group_id_fk FOREIGN KEY (group_id) REFERENCES public.sentry_groupedmessage(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ONLY public.sentry_grouphash ADD CONSTRAINT sentry_grouphash_project_id_fk FOREIGN KEY (project_id) REFERENCES public.sentry_project(id) DEFERRABLE INITIALLY IMMEDIATE;
CREATE INDEX sentry_grouphash_group_id ON public.sentry_grouphash USING btree (group_id);
