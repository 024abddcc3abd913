CREATE TABLE public.sales (
    id integer PRIMARY KEY,
    sold_on date NOT NULL,
    amount numeric(10,2)
);
INSERT INTO public.sales VALUES
    (1, '2024-01-01', 10.00),
    (2, '2024-01-01', 5.50),
    (3, '2024-01-02', NULL),
    (4, '2024-01-03', 7.00);
CREATE MATERIALIZED VIEW public.daily_totals AS
    SELECT sold_on, sum(amount) AS total FROM public.sales GROUP BY sold_on;
CREATE UNIQUE INDEX daily_totals_day_idx ON public.daily_totals (sold_on);
