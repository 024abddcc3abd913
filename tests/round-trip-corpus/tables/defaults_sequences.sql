-- Legacy tables using serial/bigserial/smallserial and explicit nextval defaults, including a shared sequence.
CREATE SCHEMA legacy;
CREATE TABLE legacy.a (id serial PRIMARY KEY, note text);
CREATE TABLE legacy.b (id bigserial, small smallserial, PRIMARY KEY (id));
CREATE SEQUENCE legacy.shared_ids START 1000 INCREMENT 10;
CREATE TABLE legacy.c (id bigint DEFAULT nextval('legacy.shared_ids') PRIMARY KEY);
CREATE TABLE legacy.d (id bigint DEFAULT nextval('legacy.shared_ids'::regclass), code text DEFAULT 'D-' || nextval('legacy.shared_ids')::text);
CREATE SEQUENCE public.global_seq;
CREATE TABLE legacy.e (id int NOT NULL DEFAULT nextval('global_seq'));
ALTER SEQUENCE legacy.shared_ids OWNED BY legacy.c.id;
