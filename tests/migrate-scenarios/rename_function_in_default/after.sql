-- pg-flux: renamed from new_code
CREATE FUNCTION public.make_code() RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT 'V-' || lpad((floor(random() * 1000000))::integer::text, 6, '0') $$;
CREATE TABLE public.vouchers (
    id integer PRIMARY KEY,
    code text NOT NULL DEFAULT public.make_code(),
    value integer
);
