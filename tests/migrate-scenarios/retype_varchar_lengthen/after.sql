CREATE TABLE public.users (
    id integer PRIMARY KEY,
    nick character varying(50) NOT NULL,
    city character varying(10)
);
