CREATE TABLE public.shipments (
    id integer NOT NULL,
    region text NOT NULL,
    weight integer
) PARTITION BY LIST (region);
CREATE TABLE public.shipments_north PARTITION OF public.shipments FOR VALUES IN ('north');
CREATE TABLE public.shipments_south PARTITION OF public.shipments FOR VALUES IN ('south');
INSERT INTO public.shipments VALUES
    (1, 'north', 10),
    (2, 'north', NULL),
    (3, 'south', 7),
    (4, 'south', 3);
