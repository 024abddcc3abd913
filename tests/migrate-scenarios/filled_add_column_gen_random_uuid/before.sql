CREATE TABLE public.devices (
    id integer PRIMARY KEY,
    name text NOT NULL
);
INSERT INTO public.devices VALUES
    (1, 'phone'),
    (2, 'laptop'),
    (3, 'watch');
