-- Imitates Matrix Synapse's schema: events with stream_ordering, state_groups/state_groups_state, event_json, room_memberships, partial unique indexes, unlogged-free ranked stream tables and a stream-position sequence.
CREATE SEQUENCE public.events_stream_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE SEQUENCE public.events_backfill_stream_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.rooms (
    room_id text NOT NULL PRIMARY KEY,
    is_public boolean,
    creator text,
    room_version text,
    has_auth_chain_index boolean
);
CREATE INDEX public_room_index ON public.rooms USING btree (is_public);
CREATE TABLE public.events (
    topological_ordering bigint NOT NULL,
    event_id text NOT NULL,
    type text NOT NULL,
    room_id text NOT NULL,
    content text,
    unrecognized_keys text,
    processed boolean NOT NULL,
    outlier boolean NOT NULL,
    depth bigint DEFAULT 0 NOT NULL,
    origin_server_ts bigint,
    received_ts bigint,
    sender text,
    contains_url boolean,
    instance_name text,
    stream_ordering bigint,
    state_key text,
    rejection_reason text,
    CONSTRAINT event_id_unique UNIQUE (event_id)
);
CREATE UNIQUE INDEX events_stream_ordering ON public.events USING btree (stream_ordering);
CREATE INDEX event_contains_url_index ON public.events USING btree (room_id, topological_ordering, stream_ordering) WHERE ((contains_url = true) AND (outlier = false));
CREATE INDEX events_order_room ON public.events USING btree (room_id, topological_ordering, stream_ordering);
CREATE INDEX events_room_stream ON public.events USING btree (room_id, stream_ordering);
CREATE INDEX events_ts ON public.events USING btree (origin_server_ts, stream_ordering);
CREATE INDEX events_jump_to_date_idx ON public.events USING btree (room_id, origin_server_ts) WHERE (NOT outlier);
CREATE TABLE public.event_json (
    event_id text NOT NULL,
    room_id text NOT NULL,
    internal_metadata text NOT NULL,
    json text NOT NULL,
    format_version integer,
    CONSTRAINT event_json_event_id_key UNIQUE (event_id)
);
CREATE INDEX event_json_room_id ON public.event_json USING btree (room_id);
CREATE TABLE public.state_groups (id bigint NOT NULL PRIMARY KEY, room_id text NOT NULL, event_id text NOT NULL);
CREATE INDEX state_groups_room_id_idx ON public.state_groups USING btree (room_id);
CREATE TABLE public.state_groups_state (
    state_group bigint,
    room_id text,
    type text,
    state_key text,
    event_id text
);
ALTER TABLE ONLY public.state_groups_state ALTER COLUMN state_group SET (n_distinct = '-0.02');
CREATE INDEX state_groups_state_type_idx ON public.state_groups_state USING btree (state_group, type, state_key);
CREATE TABLE public.state_group_edges (state_group bigint NOT NULL, prev_state_group bigint NOT NULL);
CREATE UNIQUE INDEX state_group_edges_unique_idx ON public.state_group_edges USING btree (state_group, prev_state_group);
CREATE INDEX state_group_edges_prev_idx ON public.state_group_edges USING btree (prev_state_group);
CREATE TABLE public.room_memberships (
    event_id text NOT NULL,
    user_id text NOT NULL,
    sender text NOT NULL,
    room_id text NOT NULL,
    membership text NOT NULL,
    forgotten integer DEFAULT 0,
    display_name text,
    avatar_url text,
    event_stream_ordering bigint,
    participant boolean DEFAULT false,
    CONSTRAINT room_memberships_event_id_key UNIQUE (event_id)
);
CREATE INDEX room_memberships_room_id ON public.room_memberships USING btree (room_id);
CREATE INDEX room_memberships_user_id ON public.room_memberships USING btree (user_id);
CREATE INDEX room_memberships_user_room_forgotten ON public.room_memberships USING btree (user_id, room_id) WHERE (forgotten = 1);
ALTER TABLE ONLY public.room_memberships ADD CONSTRAINT event_stream_ordering_fkey FOREIGN KEY (event_stream_ordering) REFERENCES public.events(stream_ordering) NOT VALID;
CREATE TABLE public.schema_version (
    lock character(1) DEFAULT 'X'::bpchar NOT NULL,
    version integer NOT NULL,
    upgraded boolean NOT NULL,
    CONSTRAINT schema_version_lock_check CHECK ((lock = 'X'::bpchar)),
    CONSTRAINT schema_version_lock_key UNIQUE (lock)
);
