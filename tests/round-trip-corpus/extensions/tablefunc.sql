-- Pivot reports with crosstab in a reports schema; normal_rand locked down and a crosstab row type re-granted.
-- roles: px_pivot
CREATE SCHEMA reports;
CREATE EXTENSION tablefunc SCHEMA reports;
REVOKE EXECUTE ON FUNCTION reports.normal_rand(integer, double precision, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reports.normal_rand(integer, double precision, double precision) TO px_pivot;
REVOKE EXECUTE ON FUNCTION reports.crosstab(text, text) FROM PUBLIC;
REVOKE USAGE ON TYPE reports.tablefunc_crosstab_2 FROM PUBLIC;
GRANT USAGE ON TYPE reports.tablefunc_crosstab_2 TO px_pivot;
CREATE TABLE public.sales (region text, quarter text, amount numeric);
CREATE VIEW public.sales_pivot AS
  SELECT * FROM reports.crosstab('SELECT region, quarter, amount FROM public.sales ORDER BY 1, 2')
    AS ct(region text, q1 numeric, q2 numeric);
