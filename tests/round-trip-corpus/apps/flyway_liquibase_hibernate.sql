-- Imitates a Spring Boot / JPA service: Flyway's flyway_schema_history with its success index, Liquibase's databasechangelog/lock, Hibernate sequences with allocationSize 50, and @Version/@Embedded columns.
CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL,
    CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank)
);
CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);
CREATE TABLE public.databasechangeloglock (id integer NOT NULL PRIMARY KEY, locked boolean NOT NULL, lockgranted timestamp without time zone, lockedby character varying(255));
CREATE TABLE public.databasechangelog (
    id character varying(255) NOT NULL,
    author character varying(255) NOT NULL,
    filename character varying(255) NOT NULL,
    dateexecuted timestamp without time zone NOT NULL,
    orderexecuted integer NOT NULL,
    exectype character varying(10) NOT NULL,
    md5sum character varying(35),
    description character varying(255),
    comments character varying(255),
    tag character varying(255),
    liquibase character varying(20),
    contexts character varying(255),
    labels character varying(255),
    deployment_id character varying(10)
);
CREATE SEQUENCE public.hibernate_sequence START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE public.customer_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE public.purchase_order_seq START WITH 1000 INCREMENT BY 50 MINVALUE 1000 MAXVALUE 999999999 CACHE 10;
CREATE SEQUENCE public.ticket_seq AS smallint START WITH -100 INCREMENT BY -1 MINVALUE -32768 MAXVALUE -100 CYCLE;
CREATE TABLE public.customer (
    id bigint NOT NULL PRIMARY KEY,
    version bigint NOT NULL DEFAULT 0,
    first_name character varying(255),
    last_name character varying(255),
    billing_street character varying(255),
    billing_city character varying(255),
    billing_zip character varying(255),
    created_date timestamp(6) with time zone,
    last_modified_date timestamp(6) with time zone,
    dtype character varying(31) NOT NULL
);
CREATE TABLE public.purchase_order (
    id bigint NOT NULL PRIMARY KEY,
    customer_id bigint,
    status smallint CHECK (status >= 0 AND status <= 3),
    total numeric(38,2),
    ordered_at timestamp(6) without time zone
);
ALTER TABLE ONLY public.purchase_order ADD CONSTRAINT fkq5c7ryq6v7idfu0mwwt0dmf7j FOREIGN KEY (customer_id) REFERENCES public.customer(id);
CREATE TABLE public.purchase_order_tags (purchase_order_id bigint NOT NULL REFERENCES public.purchase_order(id), tags character varying(255));
CREATE TABLE public.customer_phones (customer_id bigint NOT NULL, phones_key character varying(255) NOT NULL, phones character varying(255), PRIMARY KEY (customer_id, phones_key));
ALTER TABLE ONLY public.customer_phones ADD CONSTRAINT fk9xyu3x8o9w4u2d5r0d5o8d9t FOREIGN KEY (customer_id) REFERENCES public.customer(id);
CREATE TABLE public.ticket (id smallint DEFAULT nextval('public.ticket_seq') PRIMARY KEY, subject text);
ALTER SEQUENCE public.ticket_seq OWNED BY public.ticket.id;
