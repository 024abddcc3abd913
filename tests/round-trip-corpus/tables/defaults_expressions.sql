-- Defaults that are expressions: casts, arrays, CASE, operators, row constructors, literals needing quoting.
CREATE SCHEMA cfg;
CREATE TYPE cfg.pair AS (a int, b text);
CREATE TABLE cfg.settings (
    key text PRIMARY KEY,
    value text DEFAULT 'it''s "quoted"',
    escaped text DEFAULT E'line1\nline2\ttab',
    dollar text DEFAULT $$dollar $ quoted$$,
    num numeric DEFAULT (1 + 2) * 3,
    neg int DEFAULT -1,
    flag boolean DEFAULT (NOT false),
    arr int[] DEFAULT ARRAY[1, 2, 3],
    empty_arr text[] DEFAULT ARRAY[]::text[],
    casted bigint DEFAULT '42'::bigint,
    when_made date DEFAULT (CURRENT_DATE - 1),
    choice text DEFAULT CASE WHEN current_setting('server_version_num')::int > 130000 THEN 'new' ELSE 'old' END,
    pair cfg.pair DEFAULT ROW(1, 'one')::cfg.pair,
    nullish text DEFAULT NULL,
    coalesced text DEFAULT COALESCE(NULL, 'x'),
    js jsonb DEFAULT jsonb_build_object('a', 1, 'b', ARRAY['x']),
    unicode text DEFAULT U&'caf\00E9'
);
