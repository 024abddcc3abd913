-- A session-tracking table whose defaults are volatile and stable function calls.
CREATE SCHEMA sess;
CREATE TABLE sess.sessions (
    id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
    token text NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text),
    started timestamptz NOT NULL DEFAULT now(),
    started_tx timestamptz DEFAULT transaction_timestamp(),
    wall timestamptz DEFAULT clock_timestamp(),
    who name DEFAULT CURRENT_USER,
    session_who text DEFAULT SESSION_USER,
    jitter double precision DEFAULT random() * 10,
    expires timestamptz DEFAULT now() + interval '30 minutes',
    backend int DEFAULT pg_backend_pid(),
    db name DEFAULT current_database(),
    lower_user text DEFAULT lower(CURRENT_USER::text)
);
