-- Imitates Zabbix server's PostgreSQL schema: PK-less history_* tables with (itemid, clock) indexes, numeric(20) unsigned ids, trends tables with composite PKs, items/hosts with many integer flag columns and housekeeper tables.
CREATE TABLE public.hosts (
  hostid bigint NOT NULL PRIMARY KEY,
  proxy_hostid bigint,
  host varchar(128) DEFAULT '' NOT NULL,
  status integer DEFAULT '0' NOT NULL,
  ipmi_authtype integer DEFAULT '-1' NOT NULL,
  ipmi_privilege integer DEFAULT '2' NOT NULL,
  name varchar(128) DEFAULT '' NOT NULL,
  flags integer DEFAULT '0' NOT NULL,
  description text DEFAULT '' NOT NULL,
  tls_connect integer DEFAULT '1' NOT NULL,
  uuid varchar(32) DEFAULT '' NOT NULL
);
CREATE INDEX hosts_1 ON public.hosts (host);
CREATE INDEX hosts_2 ON public.hosts (status);
CREATE INDEX hosts_3 ON public.hosts (proxy_hostid);
CREATE INDEX hosts_4 ON public.hosts (name);
ALTER TABLE ONLY public.hosts ADD CONSTRAINT c_hosts_1 FOREIGN KEY (proxy_hostid) REFERENCES public.hosts (hostid);
CREATE TABLE public.items (
  itemid bigint NOT NULL PRIMARY KEY,
  type integer DEFAULT '0' NOT NULL,
  hostid bigint NOT NULL,
  name varchar(255) DEFAULT '' NOT NULL,
  key_ varchar(2048) DEFAULT '' NOT NULL,
  delay varchar(1024) DEFAULT '0' NOT NULL,
  history varchar(255) DEFAULT '90d' NOT NULL,
  trends varchar(255) DEFAULT '365d' NOT NULL,
  status integer DEFAULT '0' NOT NULL,
  value_type integer DEFAULT '0' NOT NULL,
  units varchar(255) DEFAULT '' NOT NULL,
  templateid bigint,
  flags integer DEFAULT '0' NOT NULL
);
CREATE INDEX items_1 ON public.items (hostid, key_);
CREATE INDEX items_3 ON public.items (status);
CREATE INDEX items_4 ON public.items (templateid);
ALTER TABLE ONLY public.items ADD CONSTRAINT c_items_1 FOREIGN KEY (hostid) REFERENCES public.hosts (hostid) ON DELETE CASCADE;
ALTER TABLE ONLY public.items ADD CONSTRAINT c_items_2 FOREIGN KEY (templateid) REFERENCES public.items (itemid) ON DELETE CASCADE;
CREATE TABLE public.history (itemid bigint NOT NULL, clock integer DEFAULT '0' NOT NULL, value DOUBLE PRECISION DEFAULT '0.0000' NOT NULL, ns integer DEFAULT '0' NOT NULL);
CREATE INDEX history_1 ON public.history (itemid, clock);
CREATE TABLE public.history_uint (itemid bigint NOT NULL, clock integer DEFAULT '0' NOT NULL, value numeric(20) DEFAULT '0' NOT NULL, ns integer DEFAULT '0' NOT NULL);
CREATE INDEX history_uint_1 ON public.history_uint (itemid, clock);
CREATE TABLE public.history_str (itemid bigint NOT NULL, clock integer DEFAULT '0' NOT NULL, value varchar(255) DEFAULT '' NOT NULL, ns integer DEFAULT '0' NOT NULL);
CREATE INDEX history_str_1 ON public.history_str (itemid, clock);
CREATE TABLE public.history_log (itemid bigint NOT NULL, clock integer DEFAULT '0' NOT NULL, timestamp integer DEFAULT '0' NOT NULL, source varchar(64) DEFAULT '' NOT NULL, severity integer DEFAULT '0' NOT NULL, value text DEFAULT '' NOT NULL, logeventid integer DEFAULT '0' NOT NULL, ns integer DEFAULT '0' NOT NULL);
CREATE INDEX history_log_1 ON public.history_log (itemid, clock);
CREATE TABLE public.trends (itemid bigint NOT NULL, clock integer DEFAULT '0' NOT NULL, num integer DEFAULT '0' NOT NULL, value_min DOUBLE PRECISION DEFAULT '0.0000' NOT NULL, value_avg DOUBLE PRECISION DEFAULT '0.0000' NOT NULL, value_max DOUBLE PRECISION DEFAULT '0.0000' NOT NULL, PRIMARY KEY (itemid, clock));
CREATE TABLE public.trends_uint (itemid bigint NOT NULL, clock integer DEFAULT '0' NOT NULL, num integer DEFAULT '0' NOT NULL, value_min numeric(20) DEFAULT '0' NOT NULL, value_avg numeric(20) DEFAULT '0' NOT NULL, value_max numeric(20) DEFAULT '0' NOT NULL, PRIMARY KEY (itemid, clock));
CREATE TABLE public.housekeeper (housekeeperid bigint NOT NULL PRIMARY KEY, tablename varchar(64) DEFAULT '' NOT NULL, field varchar(64) DEFAULT '' NOT NULL, value bigint NOT NULL);
CREATE TABLE public.dbversion (dbversionid bigint NOT NULL PRIMARY KEY, mandatory integer DEFAULT '0' NOT NULL, optional integer DEFAULT '0' NOT NULL);
