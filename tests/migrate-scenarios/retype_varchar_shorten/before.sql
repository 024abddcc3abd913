CREATE TABLE public.countries (
    id integer PRIMARY KEY,
    iso character varying(50),
    name text NOT NULL
);
INSERT INTO public.countries VALUES
    (1, 'NO', 'Norway'),
    (2, 'IT', 'Italy'),
    (3, NULL, 'Atlantis'),
    (4, 'JP', 'Japan');
