CREATE TABLE public.people (
    id integer PRIMARY KEY,
    nickname text NOT NULL,
    born date NOT NULL
);
INSERT INTO public.people VALUES
    (1, 'annie', '1990-04-01'),
    (2, 'bobby', '1985-12-24'),
    (3, 'cyc', '2001-07-07');
