-- A users table where support staff see and fix only some columns; table-level SELECT revoked, per-column grants instead.
-- roles: pv_support, pv_signup
CREATE TABLE public.users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  "Display Name" text,
  password_hash text,
  created_at timestamptz DEFAULT now()
);
GRANT SELECT (id, email, "Display Name", created_at), UPDATE ("Display Name") ON public.users TO pv_support;
GRANT INSERT (email, password_hash), SELECT (id) ON public.users TO pv_signup;
GRANT REFERENCES (id) ON public.users TO pv_support;
GRANT SELECT ON public.users TO PUBLIC;
REVOKE SELECT ON public.users FROM PUBLIC;
GRANT SELECT (id) ON public.users TO PUBLIC;
