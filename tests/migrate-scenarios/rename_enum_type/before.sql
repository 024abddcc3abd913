CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE public.diary (
    id integer PRIMARY KEY,
    day date NOT NULL,
    feeling public.mood DEFAULT 'ok'
);
INSERT INTO public.diary VALUES
    (1, '2024-01-01', 'happy'),
    (2, '2024-01-02', NULL),
    (3, '2024-01-03', 'sad'),
    (4, '2024-01-04', 'ok');
