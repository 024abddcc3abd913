CREATE FUNCTION public.new_code() RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT 'V-' || lpad((floor(random() * 1000000))::integer::text, 6, '0') $$;
CREATE TABLE public.vouchers (
    id integer PRIMARY KEY,
    code text NOT NULL DEFAULT public.new_code(),
    value integer
);
INSERT INTO public.vouchers VALUES
    (1, 'V-000001', 10),
    (2, 'V-000002', NULL),
    (3, 'V-123456', 50);
