-- A ledger schema using every numeric precision and scale form, including negative scale (15+ only elsewhere).
CREATE SCHEMA ledger;
CREATE TABLE ledger.amounts (
    id bigint PRIMARY KEY,
    small smallint,
    normal integer NOT NULL DEFAULT 0,
    big bigint,
    unconstrained numeric,
    money_like numeric(12, 2) NOT NULL DEFAULT 0.00,
    rate numeric(7, 6),
    whole numeric(20),
    zero_scale numeric(5, 0),
    tiny_real real,
    dbl double precision DEFAULT 'NaN',
    float_p float(10),
    float_big float(40),
    dec decimal(10, 3) CHECK (dec >= 0)
);
CREATE TABLE ledger.limits (
    lo numeric(1000, 500),
    inf_default double precision DEFAULT '-Infinity'::double precision,
    neg numeric(6, 2) DEFAULT -12.50
);
