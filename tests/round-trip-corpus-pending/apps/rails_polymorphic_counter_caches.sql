-- Imitates a Rails forum app: polymorphic comments/taggings (acts-as-taggable-on), counter caches maintained by triggers, STI `type` columns and a has_and_belongs_to_many join table without a primary key.
CREATE TABLE public.articles (
    id bigserial PRIMARY KEY,
    title character varying NOT NULL,
    body text,
    type character varying,
    comments_count integer DEFAULT 0 NOT NULL,
    published_at timestamp(6) without time zone,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL,
    lock_version integer DEFAULT 0 NOT NULL
);
CREATE INDEX index_articles_on_type ON public.articles USING btree (type);
CREATE INDEX index_articles_on_published_at ON public.articles USING btree (published_at DESC NULLS LAST);
CREATE TABLE public.comments (
    id bigserial PRIMARY KEY,
    commentable_type character varying NOT NULL,
    commentable_id bigint NOT NULL,
    body text NOT NULL,
    parent_id bigint REFERENCES public.comments(id) ON DELETE CASCADE,
    created_at timestamp(6) without time zone NOT NULL,
    updated_at timestamp(6) without time zone NOT NULL
);
CREATE INDEX index_comments_on_commentable ON public.comments USING btree (commentable_type, commentable_id);
CREATE INDEX index_comments_on_parent_id ON public.comments USING btree (parent_id);
CREATE TABLE public.tags (
    id serial PRIMARY KEY,
    name character varying,
    created_at timestamp without time zone,
    updated_at timestamp without time zone,
    taggings_count integer DEFAULT 0
);
CREATE UNIQUE INDEX index_tags_on_name ON public.tags USING btree (name);
CREATE TABLE public.taggings (
    id serial PRIMARY KEY,
    tag_id integer REFERENCES public.tags(id),
    taggable_type character varying,
    taggable_id integer,
    tagger_type character varying,
    tagger_id integer,
    context character varying(128),
    created_at timestamp without time zone,
    tenant character varying(128)
);
CREATE UNIQUE INDEX taggings_idx ON public.taggings USING btree (tag_id, taggable_id, taggable_type, context, tagger_id, tagger_type);
CREATE INDEX taggings_taggable_context_idx ON public.taggings USING btree (taggable_id, taggable_type, context);
CREATE INDEX index_taggings_on_tenant ON public.taggings USING btree (tenant);
CREATE TABLE public.articles_categories (
    article_id bigint NOT NULL,
    category_id bigint NOT NULL
);
CREATE UNIQUE INDEX index_articles_categories_on_article_id_and_category_id ON public.articles_categories USING btree (article_id, category_id);
CREATE FUNCTION public.comments_counter_cache() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.commentable_type = 'Article' THEN
    UPDATE articles SET comments_count = comments_count + 1 WHERE id = NEW.commentable_id;
  ELSIF TG_OP = 'DELETE' AND OLD.commentable_type = 'Article' THEN
    UPDATE articles SET comments_count = comments_count - 1 WHERE id = OLD.commentable_id;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER comments_counter_cache AFTER INSERT OR DELETE ON public.comments FOR EACH ROW EXECUTE FUNCTION public.comments_counter_cache();
CREATE TABLE public.schema_migrations (version character varying NOT NULL PRIMARY KEY);
