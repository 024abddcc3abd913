CREATE TABLE public.vehicles (
    id integer NOT NULL,
    make text
);
CREATE TABLE public.trucks (
    payload integer
) INHERITS (public.vehicles);
INSERT INTO public.vehicles VALUES
    (1, 'Fiat'),
    (2, NULL),
    (3, 'Volvo');
INSERT INTO public.trucks VALUES
    (10, 'MAN', 12000),
    (11, 'Scania', NULL),
    (12, NULL, 8000);
