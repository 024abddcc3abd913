-- Partial and expression indexes: WHERE clauses with functions, lower(), coalesce, jsonb extraction, date_trunc.
CREATE SCHEMA ix;
CREATE TABLE ix.users (id int PRIMARY KEY, email text, deleted_at timestamptz, profile jsonb, created timestamp, score int);
CREATE INDEX users_active_email ON ix.users (email) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX users_email_ci ON ix.users (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX users_city ON ix.users ((profile ->> 'city'));
CREATE INDEX users_day ON ix.users (date_trunc('day', created));
CREATE INDEX users_score_or_zero ON ix.users (coalesce(score, 0), id);
CREATE INDEX users_high ON ix.users (score) WHERE score > 100 AND email LIKE '%@example.com';
CREATE INDEX users_expr_mix ON ix.users (id, (score * 2), lower(email));
CREATE INDEX users_in_list ON ix.users (id) WHERE score IN (1, 2, 3);
