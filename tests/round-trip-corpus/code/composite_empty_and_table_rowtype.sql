-- An empty composite type (placeholder) and a function taking a table's row type and returning a composite.
CREATE SCHEMA hr;
CREATE TYPE hr.nothing AS ();
CREATE TABLE hr.employees (id int PRIMARY KEY, name text, salary numeric);
CREATE TYPE hr.pay_summary AS (employee hr.employees, yearly numeric);
CREATE FUNCTION hr.summarize(e hr.employees) RETURNS hr.pay_summary
  LANGUAGE sql STABLE AS $$SELECT ROW(e, e.salary * 12)::hr.pay_summary$$;
CREATE FUNCTION hr.noop() RETURNS hr.nothing LANGUAGE sql AS 'SELECT ROW()::hr.nothing';
