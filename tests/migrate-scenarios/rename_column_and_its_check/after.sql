CREATE TABLE public.stock (
    id integer PRIMARY KEY,
    -- pg-flux: renamed from qty
    quantity integer,
    sku text,
    -- pg-flux: renamed from stock_qty_check
    CONSTRAINT stock_quantity_check CHECK (quantity >= 0)
);
