-- Imitates Mastodon: bigint snowflake ids from the timestamp_id() function and per-table sequences, accounts/statuses/follows with lower(username) unique indexes and partial indexes on deleted_at.
CREATE FUNCTION public.timestamp_id(table_name text) RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE
    time_part bigint;
    sequence_base bigint;
    tail bigint;
  BEGIN
    time_part := (
      -- Get the time in milliseconds
      ((date_part('epoch', now()) * 1000))::bigint
      -- And shift it over two bytes
      << 16);
    sequence_base := (
      'x' ||
      -- Take the first two bytes (four hex characters)
      substr(
        -- Of the MD5 hash of the data we documented
        md5(table_name || 'secret' || time_part::text),
        1, 4
      )
    -- And turn it into a bigint
    )::bit(16)::bigint;
    -- Finally, add our sequence number to our base, and chop
    -- it to the last two bytes
    tail := (
      (sequence_base + nextval(table_name || '_id_seq'))
      & 65535);
    -- Return the time part and the sequence part. OR appears
    -- faster here than addition, but they're equivalent:
    -- time_part has no trailing two bytes, and tail is only
    -- the last two bytes.
    RETURN time_part | tail;
  END
$$;
CREATE SEQUENCE public.statuses_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE SEQUENCE public.accounts_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE public.accounts (
    username character varying DEFAULT ''::character varying NOT NULL,
    domain character varying,
    private_key text,
    public_key text DEFAULT ''::text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    note text DEFAULT ''::text NOT NULL,
    display_name character varying DEFAULT ''::character varying NOT NULL,
    uri character varying DEFAULT ''::character varying NOT NULL,
    url character varying,
    locked boolean DEFAULT false NOT NULL,
    suspended_at timestamp without time zone,
    silenced_at timestamp without time zone,
    actor_type character varying,
    discoverable boolean,
    also_known_as character varying[],
    id bigint DEFAULT public.timestamp_id('accounts'::text) NOT NULL PRIMARY KEY,
    fields jsonb,
    memorial boolean DEFAULT false NOT NULL,
    moved_to_account_id bigint REFERENCES public.accounts(id) ON DELETE SET NULL,
    indexable boolean DEFAULT false NOT NULL
);
ALTER SEQUENCE public.accounts_id_seq OWNED BY public.accounts.id;
CREATE UNIQUE INDEX index_accounts_on_username_and_domain_lower ON public.accounts USING btree (lower((username)::text), COALESCE(lower((domain)::text), ''::text));
CREATE INDEX index_accounts_on_uri ON public.accounts USING btree (uri);
CREATE INDEX index_accounts_on_domain_and_id ON public.accounts USING btree (domain, id);
CREATE INDEX index_accounts_on_moved_to_account_id ON public.accounts USING btree (moved_to_account_id) WHERE (moved_to_account_id IS NOT NULL);
CREATE INDEX search_index ON public.accounts USING gin (((setweight(to_tsvector('simple'::regconfig, (display_name)::text), 'A'::"char") || setweight(to_tsvector('simple'::regconfig, (username)::text), 'B'::"char") || setweight(to_tsvector('simple'::regconfig, (COALESCE(domain, ''::character varying))::text), 'C'::"char"))));
CREATE TABLE public.statuses (
    id bigint DEFAULT public.timestamp_id('statuses'::text) NOT NULL PRIMARY KEY,
    uri character varying,
    text text DEFAULT ''::text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    in_reply_to_id bigint,
    reblog_of_id bigint,
    url character varying,
    sensitive boolean DEFAULT false NOT NULL,
    visibility integer DEFAULT 0 NOT NULL,
    spoiler_text text DEFAULT ''::text NOT NULL,
    reply boolean DEFAULT false NOT NULL,
    language character varying,
    conversation_id bigint,
    local boolean,
    account_id bigint NOT NULL REFERENCES public.accounts(id) ON DELETE CASCADE,
    application_id bigint,
    in_reply_to_account_id bigint REFERENCES public.accounts(id) ON DELETE SET NULL,
    poll_id bigint,
    deleted_at timestamp without time zone,
    edited_at timestamp without time zone,
    trendable boolean,
    ordered_media_attachment_ids bigint[]
);
ALTER SEQUENCE public.statuses_id_seq OWNED BY public.statuses.id;
ALTER TABLE ONLY public.statuses ADD CONSTRAINT fk_rails_256483a9ab FOREIGN KEY (reblog_of_id) REFERENCES public.statuses(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.statuses ADD CONSTRAINT fk_rails_94a6f70399 FOREIGN KEY (in_reply_to_id) REFERENCES public.statuses(id) ON DELETE SET NULL;
CREATE INDEX index_statuses_20190820 ON public.statuses USING btree (account_id, id DESC, visibility, updated_at) WHERE (deleted_at IS NULL);
CREATE INDEX index_statuses_local_20190824 ON public.statuses USING btree (id DESC, account_id) WHERE ((local OR (uri IS NULL)) AND (deleted_at IS NULL) AND (visibility = 0) AND (reblog_of_id IS NULL) AND ((NOT reply) OR (in_reply_to_account_id = account_id)));
CREATE INDEX index_statuses_public_20200119 ON public.statuses USING btree (id DESC, account_id) WHERE ((deleted_at IS NULL) AND (visibility = 0) AND (reblog_of_id IS NULL) AND ((NOT reply) OR (in_reply_to_account_id = account_id)));
CREATE UNIQUE INDEX index_statuses_on_uri ON public.statuses USING btree (uri text_pattern_ops) WHERE (uri IS NOT NULL);
CREATE INDEX index_statuses_on_in_reply_to_id ON public.statuses USING btree (in_reply_to_id) WHERE (in_reply_to_id IS NOT NULL);
CREATE INDEX index_statuses_on_reblog_of_id_and_account_id ON public.statuses USING btree (reblog_of_id, account_id);
CREATE INDEX index_statuses_on_deleted_at ON public.statuses USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);
CREATE TABLE public.follows (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    account_id bigint NOT NULL REFERENCES public.accounts(id) ON DELETE CASCADE,
    target_account_id bigint NOT NULL REFERENCES public.accounts(id) ON DELETE CASCADE,
    show_reblogs boolean DEFAULT true NOT NULL,
    uri character varying,
    notify boolean DEFAULT false NOT NULL,
    languages character varying[]
);
CREATE UNIQUE INDEX index_follows_on_account_id_and_target_account_id ON public.follows USING btree (account_id, target_account_id);
CREATE INDEX index_follows_on_target_account_id ON public.follows USING btree (target_account_id);
CREATE MATERIALIZED VIEW public.account_summaries AS
 SELECT accounts.id AS account_id,
    mode() WITHIN GROUP (ORDER BY t0.language) AS language,
    mode() WITHIN GROUP (ORDER BY t0.sensitive) AS sensitive
   FROM public.accounts
     CROSS JOIN LATERAL ( SELECT statuses.account_id, statuses.language, statuses.sensitive
           FROM public.statuses
          WHERE statuses.account_id = accounts.id AND statuses.deleted_at IS NULL AND statuses.reblog_of_id IS NULL
          ORDER BY statuses.id DESC
         LIMIT 20) t0
  WHERE accounts.suspended_at IS NULL AND accounts.silenced_at IS NULL AND accounts.moved_to_account_id IS NULL AND accounts.discoverable = true AND accounts.locked = false
  GROUP BY accounts.id
  WITH NO DATA;
CREATE UNIQUE INDEX index_account_summaries_on_account_id ON public.account_summaries USING btree (account_id);
CREATE VIEW public.instances AS
 WITH domain_counts(domain, accounts_count) AS (
         SELECT accounts.domain, count(*) AS accounts_count
           FROM public.accounts
          WHERE accounts.domain IS NOT NULL
          GROUP BY accounts.domain
        )
 SELECT domain_counts.domain, domain_counts.accounts_count
   FROM domain_counts;
