-- CHECK constraints whose expressions deparse in non-obvious ways: casts, regex, IS DISTINCT, ANY/ALL, subscripts.
CREATE SCHEMA chk2;
CREATE TABLE chk2.t (
    a text,
    b text,
    c int[],
    d jsonb,
    e timestamptz,
    CONSTRAINT t_regex CHECK (a ~* '^[a-z]+$' AND a !~ 'x'),
    CONSTRAINT t_distinct CHECK (a IS DISTINCT FROM b),
    CONSTRAINT t_any CHECK (1 = ANY (c)),
    CONSTRAINT t_all CHECK (0 < ALL (c)),
    CONSTRAINT t_sub CHECK (c[1] IS NOT NULL),
    CONSTRAINT t_json CHECK ((d -> 'x') IS NULL OR (d ->> 'x')::int > 0),
    CONSTRAINT t_between CHECK (e BETWEEN '2000-01-01' AND '2100-01-01'),
    CONSTRAINT t_like CHECK (b NOT LIKE '%--%' ESCAPE '\'),
    CONSTRAINT "t check with spaces" CHECK (length(a) < 50),
    CONSTRAINT t_bool CHECK (CASE WHEN a IS NULL THEN b IS NULL ELSE true END)
);
