CREATE TABLE public.shipments (
    id integer NOT NULL,
    region text NOT NULL,
    weight integer,
    status text NOT NULL DEFAULT 'new',
    note text
) PARTITION BY LIST (region);
CREATE TABLE public.shipments_north PARTITION OF public.shipments FOR VALUES IN ('north');
CREATE TABLE public.shipments_south PARTITION OF public.shipments FOR VALUES IN ('south');
