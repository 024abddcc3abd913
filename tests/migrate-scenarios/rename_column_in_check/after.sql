CREATE TABLE public.lines (
    id integer PRIMARY KEY,
    -- pg-flux: renamed from qty
    quantity integer,
    price numeric(10,2),
    CONSTRAINT qty_positive CHECK (quantity > 0)
);
