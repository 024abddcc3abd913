-- Imitates Nextcloud's oc_* tables on PostgreSQL: oc_filecache with storage/path_hash unique index and partial indexes, oc_storages, oc_mounts, oc_preferences composite PK, oc_appconfig, bigint autoincrement via sequences named oc_<table>_<col>_seq.
CREATE TABLE public.oc_storages (
    numeric_id bigserial PRIMARY KEY,
    id character varying(64) DEFAULT NULL::character varying,
    available integer DEFAULT 1 NOT NULL,
    last_checked integer
);
CREATE UNIQUE INDEX storages_id_index ON public.oc_storages USING btree (id);
CREATE TABLE public.oc_filecache (
    fileid bigserial PRIMARY KEY,
    storage bigint DEFAULT 0 NOT NULL,
    path character varying(4000) DEFAULT NULL::character varying,
    path_hash character varying(32) DEFAULT ''::character varying NOT NULL,
    parent bigint DEFAULT 0 NOT NULL,
    name character varying(250) DEFAULT NULL::character varying,
    mimetype bigint DEFAULT 0 NOT NULL,
    mimepart bigint DEFAULT 0 NOT NULL,
    size bigint DEFAULT 0 NOT NULL,
    mtime bigint DEFAULT 0 NOT NULL,
    storage_mtime bigint DEFAULT 0 NOT NULL,
    encrypted integer DEFAULT 0 NOT NULL,
    unencrypted_size bigint DEFAULT 0 NOT NULL,
    etag character varying(40) DEFAULT NULL::character varying,
    permissions integer DEFAULT 0,
    checksum character varying(255) DEFAULT NULL::character varying
);
CREATE UNIQUE INDEX fs_storage_path_hash ON public.oc_filecache USING btree (storage, path_hash);
CREATE INDEX fs_parent_name_hash ON public.oc_filecache USING btree (parent, name);
CREATE INDEX fs_storage_mimetype ON public.oc_filecache USING btree (storage, mimetype);
CREATE INDEX fs_storage_mimepart ON public.oc_filecache USING btree (storage, mimepart);
CREATE INDEX fs_storage_size ON public.oc_filecache USING btree (storage, size, fileid);
CREATE INDEX fs_id_storage_size ON public.oc_filecache USING btree (fileid, storage, size);
CREATE INDEX fs_mtime ON public.oc_filecache USING btree (mtime);
CREATE INDEX fs_size ON public.oc_filecache USING btree (size);
CREATE INDEX fs_name_hash ON public.oc_filecache USING btree (name);
CREATE TABLE public.oc_mounts (
    id bigserial PRIMARY KEY,
    storage_id bigint NOT NULL,
    root_id bigint NOT NULL,
    user_id character varying(64) NOT NULL,
    mount_point character varying(4000) NOT NULL,
    mount_id bigint,
    mount_provider_class character varying(128)
);
CREATE UNIQUE INDEX mounts_user_root_path_index ON public.oc_mounts USING btree (user_id, root_id, mount_point);
CREATE INDEX mounts_storage_index ON public.oc_mounts USING btree (storage_id);
CREATE INDEX mount_user_storage ON public.oc_mounts USING btree (storage_id, user_id);
CREATE TABLE public.oc_preferences (
    userid character varying(64) DEFAULT ''::character varying NOT NULL,
    appid character varying(32) DEFAULT ''::character varying NOT NULL,
    configkey character varying(64) DEFAULT ''::character varying NOT NULL,
    configvalue text,
    CONSTRAINT oc_preferences_pkey PRIMARY KEY (userid, appid, configkey)
);
CREATE INDEX preferences_app_key ON public.oc_preferences USING btree (appid, configkey);
CREATE TABLE public.oc_appconfig (
    appid character varying(32) DEFAULT ''::character varying NOT NULL,
    configkey character varying(64) DEFAULT ''::character varying NOT NULL,
    configvalue text,
    lazy smallint DEFAULT 0 NOT NULL,
    type integer DEFAULT 2 NOT NULL,
    PRIMARY KEY (appid, configkey)
);
CREATE INDEX ac_lazy_i ON public.oc_appconfig USING btree (lazy);
CREATE TABLE public.oc_share (
    id bigserial PRIMARY KEY,
    share_type smallint DEFAULT 0 NOT NULL,
    share_with character varying(255) DEFAULT NULL::character varying,
    uid_owner character varying(64) DEFAULT ''::character varying NOT NULL,
    item_type character varying(64) DEFAULT ''::character varying NOT NULL,
    file_source bigint,
    file_target character varying(512) DEFAULT NULL::character varying,
    permissions smallint DEFAULT 0 NOT NULL,
    stime bigint DEFAULT 0 NOT NULL,
    token character varying(32) DEFAULT NULL::character varying,
    expiration timestamp(0) without time zone DEFAULT NULL::timestamp without time zone
);
CREATE INDEX item_share_type_index ON public.oc_share USING btree (item_type, share_type);
CREATE INDEX token_index ON public.oc_share USING btree (token);
CREATE INDEX share_with_index ON public.oc_share USING btree (share_with);
