-- Imitates MediaWiki's PostgreSQL schema: page/revision/text/actor/comment tables with bytea-ish text blobs, smallint namespace, unique (page_namespace, page_title), "mediawiki" schema, sequences named *_seq used via nextval defaults, and a timestamp-with-time-zone-heavy recentchanges table.
CREATE SCHEMA mediawiki;
CREATE SEQUENCE mediawiki.page_page_id_seq;
CREATE SEQUENCE mediawiki.revision_rev_id_seq;
CREATE TABLE mediawiki.actor (actor_id bigserial PRIMARY KEY, actor_user integer, actor_name text NOT NULL);
CREATE UNIQUE INDEX actor_name ON mediawiki.actor (actor_name);
CREATE UNIQUE INDEX actor_user ON mediawiki.actor (actor_user);
CREATE TABLE mediawiki.comment (comment_id bigserial PRIMARY KEY, comment_hash integer NOT NULL, comment_text text NOT NULL, comment_data text);
CREATE INDEX comment_hash ON mediawiki.comment (comment_hash);
CREATE TABLE mediawiki.page (
  page_id integer NOT NULL DEFAULT nextval('mediawiki.page_page_id_seq') PRIMARY KEY,
  page_namespace smallint NOT NULL,
  page_title text NOT NULL,
  page_is_redirect smallint NOT NULL DEFAULT 0,
  page_is_new smallint NOT NULL DEFAULT 0,
  page_random numeric(15,14) NOT NULL DEFAULT random(),
  page_touched timestamptz NOT NULL,
  page_links_updated timestamptz,
  page_latest integer NOT NULL,
  page_len integer NOT NULL,
  page_content_model text,
  page_lang text
);
ALTER SEQUENCE mediawiki.page_page_id_seq OWNED BY mediawiki.page.page_id;
CREATE UNIQUE INDEX page_name_title ON mediawiki.page (page_namespace, page_title);
CREATE INDEX page_random_idx ON mediawiki.page (page_random);
CREATE INDEX page_len_idx ON mediawiki.page (page_len);
CREATE INDEX page_redirect_namespace_len ON mediawiki.page (page_is_redirect, page_namespace, page_len);
CREATE INDEX page_main_title ON mediawiki.page (page_title text_pattern_ops) WHERE page_namespace = 0;
CREATE INDEX page_talk_title ON mediawiki.page (page_title text_pattern_ops) WHERE page_namespace = 1;
CREATE INDEX page_user_title ON mediawiki.page (page_title text_pattern_ops) WHERE page_namespace = 2;
CREATE INDEX page_mediawiki_title ON mediawiki.page (page_title text_pattern_ops) WHERE page_namespace = 8;
CREATE TABLE mediawiki.revision (
  rev_id integer NOT NULL DEFAULT nextval('mediawiki.revision_rev_id_seq') PRIMARY KEY,
  rev_page integer NOT NULL REFERENCES mediawiki.page (page_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  rev_comment_id bigint NOT NULL DEFAULT 0,
  rev_actor bigint NOT NULL DEFAULT 0,
  rev_timestamp timestamptz NOT NULL,
  rev_minor_edit smallint NOT NULL DEFAULT 0,
  rev_deleted smallint NOT NULL DEFAULT 0,
  rev_len integer,
  rev_parent_id integer,
  rev_sha1 text NOT NULL DEFAULT ''
);
ALTER SEQUENCE mediawiki.revision_rev_id_seq OWNED BY mediawiki.revision.rev_id;
CREATE INDEX rev_timestamp ON mediawiki.revision (rev_timestamp);
CREATE INDEX rev_page_timestamp ON mediawiki.revision (rev_page, rev_timestamp);
CREATE INDEX rev_actor_timestamp ON mediawiki.revision (rev_actor, rev_timestamp, rev_id);
CREATE TABLE mediawiki.recentchanges (
  rc_id serial PRIMARY KEY,
  rc_timestamp timestamptz NOT NULL,
  rc_actor bigint NOT NULL,
  rc_namespace smallint NOT NULL,
  rc_title text NOT NULL,
  rc_comment_id bigint NOT NULL,
  rc_minor smallint NOT NULL DEFAULT 0,
  rc_bot smallint NOT NULL DEFAULT 0,
  rc_new smallint NOT NULL DEFAULT 0,
  rc_cur_id integer,
  rc_this_oldid integer NOT NULL,
  rc_last_oldid integer NOT NULL,
  rc_type smallint NOT NULL DEFAULT 0,
  rc_source text NOT NULL,
  rc_patrolled smallint NOT NULL DEFAULT 0,
  rc_ip cidr,
  rc_old_len integer,
  rc_new_len integer,
  rc_deleted smallint NOT NULL DEFAULT 0,
  rc_logid integer NOT NULL DEFAULT 0,
  rc_log_type text,
  rc_log_action text,
  rc_params text
);
CREATE INDEX rc_timestamp ON mediawiki.recentchanges (rc_timestamp);
CREATE INDEX rc_namespace_title_timestamp ON mediawiki.recentchanges (rc_namespace, rc_title, rc_timestamp);
CREATE INDEX rc_cur_id ON mediawiki.recentchanges (rc_cur_id);
CREATE INDEX new_name_timestamp ON mediawiki.recentchanges (rc_new, rc_namespace, rc_timestamp);
CREATE INDEX rc_ip ON mediawiki.recentchanges (rc_ip);
CREATE FUNCTION mediawiki.page_deleted() RETURNS trigger LANGUAGE plpgsql AS $mw$
BEGIN
  DELETE FROM mediawiki.recentchanges WHERE rc_namespace = OLD.page_namespace AND rc_title = OLD.page_title;
  RETURN NULL;
END;
$mw$;
CREATE TRIGGER page_deleted AFTER DELETE ON mediawiki.page FOR EACH ROW EXECUTE FUNCTION mediawiki.page_deleted();
