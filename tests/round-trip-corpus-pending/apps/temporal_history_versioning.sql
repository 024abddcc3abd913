-- Imitates the temporal_tables (arkhipov) pattern in plain PL/pgSQL: sys_period tstzrange columns, history tables created LIKE the current ones, a versioning trigger, and an "as of" view/function pair.
CREATE SCHEMA history;
CREATE TABLE public.employees (
  id integer PRIMARY KEY,
  name text NOT NULL,
  salary numeric(10,2) NOT NULL,
  department text,
  sys_period tstzrange NOT NULL DEFAULT tstzrange(current_timestamp, NULL)
);
CREATE TABLE history.employees (LIKE public.employees);
CREATE INDEX employees_history_id_period ON history.employees USING gist (sys_period);
CREATE INDEX employees_history_id ON history.employees (id);
CREATE FUNCTION public.versioning() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  history_table text := TG_ARGV[1];
  sys_period text := TG_ARGV[0];
BEGIN
  IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO %s SELECT ($1).*', history_table)
      USING (SELECT r FROM (SELECT OLD.*) r);
    EXECUTE format('UPDATE %s SET %I = tstzrange(lower(%I), current_timestamp) WHERE id = $1 AND upper_inf(%I)', history_table, sys_period, sys_period, sys_period)
      USING OLD.id;
  END IF;
  IF TG_OP = 'UPDATE' OR TG_OP = 'INSERT' THEN
    NEW.sys_period := tstzrange(current_timestamp, NULL);
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER versioning_trigger BEFORE INSERT OR UPDATE OR DELETE ON public.employees
  FOR EACH ROW EXECUTE FUNCTION public.versioning('sys_period', 'history.employees', 'true');
CREATE VIEW public.employees_with_history AS
  SELECT * FROM public.employees UNION ALL SELECT * FROM history.employees;
CREATE FUNCTION public.employees_as_of(ts timestamptz) RETURNS SETOF public.employees LANGUAGE sql STABLE AS $$
  SELECT * FROM public.employees_with_history WHERE sys_period @> ts
$$;
CREATE TABLE public.prices (
  sku text NOT NULL,
  amount numeric(10,2) NOT NULL,
  sys_period tstzrange NOT NULL DEFAULT tstzrange(current_timestamp, NULL),
  PRIMARY KEY (sku)
);
CREATE TABLE history.prices (LIKE public.prices INCLUDING DEFAULTS);
CREATE TRIGGER versioning_trigger BEFORE UPDATE OR DELETE ON public.prices
  FOR EACH ROW EXECUTE FUNCTION public.versioning('sys_period', 'history.prices', 'false');
COMMENT ON TRIGGER versioning_trigger ON public.prices IS 'keeps history.prices';
