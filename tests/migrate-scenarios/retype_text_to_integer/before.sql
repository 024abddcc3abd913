CREATE TABLE public.readings (
    id integer PRIMARY KEY,
    sensor text NOT NULL,
    reading text
);
INSERT INTO public.readings VALUES
    (1, 'north', '42'),
    (2, 'south', '-13'),
    (3, 'east', NULL),
    (4, 'west', '0'),
    (5, 'roof', '1000000');
