-- Imitates Discourse: users/topics/posts/post_actions/user_actions with serial ids, archetype strings, partial unique indexes, DESC and expression indexes, and a search_data table with tsvector.
CREATE TABLE public.users (
    id serial PRIMARY KEY,
    username character varying(60) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    name character varying,
    seen_notification_id integer DEFAULT 0 NOT NULL,
    last_posted_at timestamp without time zone,
    password_hash character varying(64),
    salt character varying(32),
    active boolean DEFAULT false NOT NULL,
    username_lower character varying(60) NOT NULL,
    last_seen_at timestamp without time zone,
    admin boolean DEFAULT false NOT NULL,
    trust_level integer NOT NULL,
    approved boolean DEFAULT false NOT NULL,
    suspended_till timestamp without time zone,
    moderator boolean DEFAULT false,
    ip_address inet,
    staged boolean DEFAULT false NOT NULL,
    locale character varying(10),
    silenced_till timestamp without time zone
);
CREATE UNIQUE INDEX index_users_on_username_lower ON public.users USING btree (username_lower);
CREATE INDEX index_users_on_last_seen_at ON public.users USING btree (last_seen_at);
CREATE INDEX idx_users_admin ON public.users USING btree (id) WHERE admin;
CREATE INDEX idx_users_moderator ON public.users USING btree (id) WHERE moderator;
CREATE TABLE public.categories (
    id serial PRIMARY KEY,
    name character varying(50) NOT NULL,
    color character varying(6) DEFAULT '0088CC'::character varying NOT NULL,
    topic_id integer,
    slug character varying NOT NULL,
    parent_category_id integer REFERENCES public.categories(id),
    position integer,
    read_restricted boolean DEFAULT false NOT NULL
);
CREATE UNIQUE INDEX unique_index_categories_on_name ON public.categories USING btree (COALESCE(parent_category_id, '-1'::integer), name);
CREATE UNIQUE INDEX unique_index_categories_on_slug ON public.categories USING btree (COALESCE(parent_category_id, '-1'::integer), lower((slug)::text)) WHERE ((slug)::text <> ''::text);
CREATE TABLE public.topics (
    id serial PRIMARY KEY,
    title character varying NOT NULL,
    last_posted_at timestamp without time zone,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    views integer DEFAULT 0 NOT NULL,
    posts_count integer DEFAULT 0 NOT NULL,
    user_id integer,
    last_post_user_id integer NOT NULL,
    reply_count integer DEFAULT 0 NOT NULL,
    deleted_at timestamp without time zone,
    highest_post_number integer DEFAULT 0 NOT NULL,
    like_count integer DEFAULT 0 NOT NULL,
    category_id integer,
    visible boolean DEFAULT true NOT NULL,
    closed boolean DEFAULT false NOT NULL,
    archived boolean DEFAULT false NOT NULL,
    bumped_at timestamp without time zone NOT NULL,
    archetype character varying DEFAULT 'regular'::character varying NOT NULL,
    slug character varying,
    pinned_at timestamp without time zone,
    score double precision,
    fancy_title character varying(400),
    CONSTRAINT has_category_id CHECK (((category_id IS NOT NULL) OR ((archetype)::text <> 'regular'::text))),
    CONSTRAINT pm_has_no_category CHECK (((category_id IS NULL) OR ((archetype)::text <> 'private_message'::text)))
);
CREATE INDEX idx_topics_front_page ON public.topics USING btree (deleted_at, visible, archetype, category_id, id);
CREATE INDEX idx_topics_user_id_deleted_at ON public.topics USING btree (user_id) WHERE (deleted_at IS NULL);
CREATE INDEX idxtopicslug ON public.topics USING btree (slug) WHERE ((deleted_at IS NULL) AND (slug IS NOT NULL));
CREATE INDEX index_topics_on_bumped_at_public ON public.topics USING btree (bumped_at) WHERE ((deleted_at IS NULL) AND ((archetype)::text <> 'private_message'::text));
CREATE INDEX index_topics_on_created_at_and_visible ON public.topics USING btree (created_at, visible) WHERE ((deleted_at IS NULL) AND ((archetype)::text <> 'private_message'::text));
CREATE INDEX index_topics_on_lower_title ON public.topics USING btree (lower((title)::text));
CREATE INDEX index_topics_on_pinned_at ON public.topics USING btree (pinned_at) WHERE (pinned_at IS NOT NULL);
CREATE TABLE public.posts (
    id serial PRIMARY KEY,
    user_id integer,
    topic_id integer NOT NULL,
    post_number integer NOT NULL,
    raw text NOT NULL,
    cooked text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    reply_to_post_number integer,
    reply_count integer DEFAULT 0 NOT NULL,
    quote_count integer DEFAULT 0 NOT NULL,
    deleted_at timestamp without time zone,
    like_count integer DEFAULT 0 NOT NULL,
    sort_order integer,
    hidden boolean DEFAULT false NOT NULL,
    hidden_reason_id integer,
    post_type integer DEFAULT 1 NOT NULL,
    image_upload_id bigint
);
CREATE UNIQUE INDEX index_posts_on_topic_id_and_post_number ON public.posts USING btree (topic_id, post_number);
CREATE INDEX idx_posts_created_at_topic_id ON public.posts USING btree (created_at, topic_id) WHERE (deleted_at IS NULL);
CREATE INDEX idx_posts_deleted_posts ON public.posts USING btree (topic_id, post_number) WHERE (deleted_at IS NOT NULL);
CREATE INDEX idx_posts_user_id_deleted_at ON public.posts USING btree (user_id) WHERE (deleted_at IS NULL);
CREATE INDEX index_posts_on_user_id_and_created_at ON public.posts USING btree (user_id, created_at);
CREATE INDEX index_posts_on_topic_id_and_sort_order ON public.posts USING btree (topic_id, sort_order);
CREATE INDEX index_posts_on_topic_id_and_percent_rank ON public.posts USING btree (topic_id, like_count DESC);
CREATE TABLE public.post_search_data (
    post_id integer NOT NULL PRIMARY KEY,
    search_data tsvector,
    raw_data text,
    locale character varying,
    version integer DEFAULT 0,
    private_message boolean NOT NULL
);
CREATE INDEX idx_search_post ON public.post_search_data USING gin (search_data);
CREATE INDEX index_post_search_data_on_post_id_and_version_and_locale ON public.post_search_data USING btree (post_id, version, locale);
CREATE TABLE public.post_actions (
    id serial PRIMARY KEY,
    post_id integer NOT NULL,
    user_id integer NOT NULL,
    post_action_type_id integer NOT NULL,
    deleted_at timestamp without time zone,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    deleted_by_id integer,
    related_post_id integer,
    staff_took_action boolean DEFAULT false NOT NULL,
    deferred_by_id integer,
    targets_topic boolean DEFAULT false NOT NULL,
    agreed_at timestamp without time zone,
    agreed_by_id integer,
    deferred_at timestamp without time zone,
    disagreed_at timestamp without time zone,
    disagreed_by_id integer
);
CREATE UNIQUE INDEX idx_unique_actions ON public.post_actions USING btree (user_id, post_action_type_id, post_id, targets_topic) WHERE ((deleted_at IS NULL) AND (disagreed_at IS NULL) AND (deferred_at IS NULL));
CREATE UNIQUE INDEX idx_unique_flags ON public.post_actions USING btree (user_id, post_id, targets_topic) WHERE ((deleted_at IS NULL) AND (disagreed_at IS NULL) AND (deferred_at IS NULL) AND (post_action_type_id = ANY (ARRAY[3, 4, 7, 8])));
CREATE INDEX index_post_actions_on_user_id_and_post_action_type_id ON public.post_actions USING btree (user_id, post_action_type_id) WHERE (deleted_at IS NULL);
CREATE VIEW public.badge_posts AS
 SELECT p.id, p.user_id, p.topic_id, p.post_number, p.raw, p.cooked, p.created_at, p.like_count
   FROM public.posts p
     JOIN public.topics t ON t.id = p.topic_id
     JOIN public.categories c ON c.id = t.category_id
  WHERE c.read_restricted = false AND t.visible AND p.post_type = ANY (ARRAY[1, 2, 3]);
