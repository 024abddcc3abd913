-- An enum used by a function's signature, a default, a check constraint and a view's CASE.
CREATE SCHEMA billing;
CREATE TYPE billing.plan AS ENUM ('free', 'pro', 'enterprise');
ALTER TYPE billing.plan ADD VALUE 'team' BEFORE 'enterprise';
CREATE TABLE billing.accounts (
  id int PRIMARY KEY,
  plan billing.plan NOT NULL DEFAULT 'free',
  seats int CHECK (plan <> 'free' OR seats <= 1)
);
CREATE FUNCTION billing.price(p billing.plan) RETURNS numeric
  LANGUAGE sql IMMUTABLE AS $$SELECT CASE p WHEN 'free' THEN 0 WHEN 'pro' THEN 10 WHEN 'team' THEN 25 ELSE 100 END$$;
CREATE VIEW billing.revenue AS
  SELECT plan, count(*) AS n, sum(billing.price(plan)) AS total FROM billing.accounts GROUP BY plan;
