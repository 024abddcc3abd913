CREATE TABLE public.sales (
    id integer PRIMARY KEY,
    sold_on date NOT NULL,
    amount numeric(10,2)
);
-- pg-flux: renamed from daily_totals
CREATE MATERIALIZED VIEW public.sales_per_day AS
    SELECT sold_on, sum(amount) AS total FROM public.sales GROUP BY sold_on;
CREATE UNIQUE INDEX daily_totals_day_idx ON public.sales_per_day (sold_on);
