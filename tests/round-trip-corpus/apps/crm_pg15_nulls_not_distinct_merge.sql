-- Imitates a CRM sync service on PostgreSQL 15+: UNIQUE NULLS NOT DISTINCT constraints and indexes for dedupe keys, MERGE-based upsert functions, unlogged sequences for staging ids and security_invoker views.
-- min-major: 15
CREATE TABLE public.contacts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_source text,
  external_id text,
  email text,
  phone text,
  name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT contacts_external_key UNIQUE NULLS NOT DISTINCT (external_source, external_id)
);
CREATE UNIQUE INDEX contacts_email_phone_key ON public.contacts (lower(email), phone) NULLS NOT DISTINCT;
CREATE UNLOGGED SEQUENCE public.staging_batch_seq;
CREATE UNLOGGED TABLE public.contacts_staging (
  batch_id bigint NOT NULL DEFAULT nextval('public.staging_batch_seq'),
  external_source text,
  external_id text,
  email text,
  name text
);
CREATE FUNCTION public.merge_staging(p_batch bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  MERGE INTO public.contacts c
  USING (SELECT * FROM public.contacts_staging WHERE batch_id = p_batch) s
     ON c.external_source IS NOT DISTINCT FROM s.external_source AND c.external_id IS NOT DISTINCT FROM s.external_id
  WHEN MATCHED AND s.name IS NULL THEN DELETE
  WHEN MATCHED THEN UPDATE SET email = s.email, name = s.name, updated_at = now()
  WHEN NOT MATCHED AND s.name IS NOT NULL THEN INSERT (external_source, external_id, email, name) VALUES (s.external_source, s.external_id, s.email, s.name)
  WHEN NOT MATCHED THEN DO NOTHING;
END $$;
CREATE VIEW public.contacts_public WITH (security_invoker = true) AS SELECT id, name, updated_at FROM public.contacts;
CREATE TABLE public.tags (id integer PRIMARY KEY, parent_id integer, label text NOT NULL, UNIQUE NULLS NOT DISTINCT (parent_id, label));
