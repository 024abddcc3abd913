-- Imitates a forum/docs search (pre-12 style, e.g. old GitLab/Redmine plugins): tsvector columns maintained by tsvector_update_trigger and tsvector_update_trigger_column, plus a custom plpgsql weighting trigger and GIN/GiST indexes.
CREATE TABLE public.documents (
  id serial PRIMARY KEY,
  title varchar(255) NOT NULL,
  content text,
  config regconfig NOT NULL DEFAULT 'pg_catalog.english',
  tsv tsvector,
  tsv_localized tsvector,
  updated_at timestamp DEFAULT now()
);
CREATE INDEX documents_tsv_idx ON public.documents USING gin (tsv);
CREATE INDEX documents_tsv_localized_idx ON public.documents USING gist (tsv_localized);
CREATE TRIGGER documents_tsv_update BEFORE INSERT OR UPDATE ON public.documents
  FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(tsv, 'pg_catalog.english', title, content);
CREATE TRIGGER documents_tsv_localized_update BEFORE INSERT OR UPDATE ON public.documents
  FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger_column(tsv_localized, config, title, content);
CREATE TABLE public.messages (
  id bigserial PRIMARY KEY,
  subject text,
  sender text,
  body text,
  search_vector tsvector
);
CREATE FUNCTION public.messages_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
begin
  new.search_vector :=
     setweight(to_tsvector('pg_catalog.english', coalesce(new.subject,'')), 'A') ||
     setweight(to_tsvector('pg_catalog.simple', coalesce(new.sender,'')), 'B') ||
     setweight(to_tsvector('pg_catalog.english', coalesce(new.body,'')), 'D');
  return new;
end
$$;
CREATE TRIGGER messages_search_update BEFORE INSERT OR UPDATE OF subject, sender, body ON public.messages
  FOR EACH ROW EXECUTE FUNCTION public.messages_search_trigger();
CREATE INDEX messages_search_idx ON public.messages USING gin (search_vector) WITH (gin_pending_list_limit = 256);
CREATE VIEW public.message_search AS
  SELECT id, subject, ts_rank(search_vector, plainto_tsquery('english', current_setting('app.q', true))) AS rank
    FROM public.messages WHERE search_vector @@ plainto_tsquery('english', current_setting('app.q', true));
