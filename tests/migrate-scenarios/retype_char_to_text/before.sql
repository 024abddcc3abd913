CREATE TABLE public.currencies (
    id integer PRIMARY KEY,
    code character(3) NOT NULL,
    symbol text
);
INSERT INTO public.currencies VALUES
    (1, 'EUR', '€'),
    (2, 'USD', '$'),
    (3, 'XX', NULL),
    (4, 'JPY', '¥');
