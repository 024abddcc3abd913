CREATE TABLE public.sales (
    id integer NOT NULL,
    sold_on date NOT NULL,
    amount numeric(10,2)
) PARTITION BY RANGE (sold_on);
CREATE TABLE public.sales_2023 PARTITION OF public.sales FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE public.sales_2024 PARTITION OF public.sales FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO public.sales VALUES
    (1, '2023-03-01', 10.00),
    (2, '2023-12-31', NULL),
    (3, '2024-01-01', 25.50),
    (4, '2024-07-14', 99.99);
