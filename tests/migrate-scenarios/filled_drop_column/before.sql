CREATE TABLE public.contacts (
    id integer PRIMARY KEY,
    name text NOT NULL,
    fax text,
    phone text
);
INSERT INTO public.contacts VALUES
    (1, 'ann', '555-0101', '555-0100'),
    (2, 'bob', NULL, '555-0200'),
    (3, 'cy', '555-0301', NULL),
    (4, 'dee', NULL, NULL);
