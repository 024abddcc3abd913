-- Imitates an HR/payroll system: domains for email/salary/percentages, composite types for money-with-currency and addresses, arrays of composites, a typed table (CREATE TABLE OF), time/timetz/interval columns and functions over composites.
CREATE SCHEMA hr;
CREATE DOMAIN hr.email AS text CHECK (VALUE ~* '^[^@\s]+@[^@\s]+\.[^@\s]+$');
CREATE DOMAIN hr.positive_money AS numeric(12,2) DEFAULT 0 NOT NULL CHECK (VALUE >= 0);
CREATE DOMAIN hr.percentage AS numeric(5,2) CONSTRAINT pct_range CHECK (VALUE BETWEEN 0 AND 100) CONSTRAINT pct_not_null CHECK (VALUE IS NOT NULL);
CREATE DOMAIN hr.iso_country AS char(2) COLLATE "C" CHECK (VALUE ~ '^[A-Z]{2}$');
CREATE TYPE hr.money_amount AS (amount numeric(12,2), currency char(3));
CREATE TYPE hr.postal_address AS (line1 text, line2 text, city text, postcode text, country hr.iso_country);
CREATE TYPE hr.shift AS (starts time, ends time, tz_note text);
CREATE TABLE hr.departments (id smallint PRIMARY KEY, name text NOT NULL UNIQUE, cost_center text);
CREATE TABLE hr.employees (
  id integer GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 1) PRIMARY KEY,
  email hr.email NOT NULL UNIQUE,
  full_name text NOT NULL,
  department_id smallint REFERENCES hr.departments,
  home_address hr.postal_address,
  previous_addresses hr.postal_address[] NOT NULL DEFAULT '{}',
  base_salary hr.money_amount NOT NULL,
  bonus_pct hr.percentage DEFAULT 0,
  weekly_shifts hr.shift[],
  daily_start timetz DEFAULT '09:00:00+00',
  probation interval DEFAULT '3 mons',
  hired_on date NOT NULL,
  left_on date,
  CHECK (left_on IS NULL OR left_on >= hired_on),
  CHECK ((base_salary).amount > 0)
);
CREATE INDEX employees_country_idx ON hr.employees (((home_address).country));
CREATE TYPE hr.payslip_row AS (employee_id integer, period daterange, gross hr.money_amount, net hr.money_amount);
CREATE TABLE hr.payslips OF hr.payslip_row (
  employee_id WITH OPTIONS NOT NULL REFERENCES hr.employees,
  period WITH OPTIONS NOT NULL,
  PRIMARY KEY (employee_id, period)
);
CREATE FUNCTION hr.add_money(a hr.money_amount, b hr.money_amount) RETURNS hr.money_amount LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF a.currency IS DISTINCT FROM b.currency THEN
    RAISE EXCEPTION 'currency mismatch: % vs %', a.currency, b.currency;
  END IF;
  RETURN ROW(a.amount + b.amount, a.currency)::hr.money_amount;
END $$;
CREATE AGGREGATE hr.sum_money(hr.money_amount) (SFUNC = hr.add_money, STYPE = hr.money_amount);
CREATE VIEW hr.department_payroll AS
  SELECT d.name, hr.sum_money(e.base_salary) AS payroll, count(*) AS headcount
  FROM hr.departments d JOIN hr.employees e ON e.department_id = d.id WHERE e.left_on IS NULL GROUP BY d.name;
ALTER TYPE hr.postal_address ADD ATTRIBUTE region text;
COMMENT ON TYPE hr.payslip_row IS 'row type of hr.payslips';
