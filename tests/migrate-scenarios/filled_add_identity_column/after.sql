CREATE TABLE public.logs (
    msg text NOT NULL,
    level text,
    id bigint GENERATED ALWAYS AS IDENTITY
);
