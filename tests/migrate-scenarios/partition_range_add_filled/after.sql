CREATE TABLE public.sales (
    id integer NOT NULL,
    sold_on date NOT NULL,
    amount numeric(10,2)
) PARTITION BY RANGE (sold_on);
CREATE TABLE public.sales_2023 PARTITION OF public.sales FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE public.sales_2024 PARTITION OF public.sales FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.sales_2025 PARTITION OF public.sales FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
