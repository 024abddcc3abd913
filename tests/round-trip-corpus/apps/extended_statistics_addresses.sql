-- Imitates a CRM / address-book schema tuned with extended statistics: correlated zip/city/state columns (ndistinct, dependencies, mcv), per-column statistics targets and a statistics object in its own schema.
-- roles: ap_stats_owner
CREATE SCHEMA stats;
CREATE TABLE public.addresses (
  id bigserial PRIMARY KEY,
  country char(2) NOT NULL,
  state text,
  city text NOT NULL,
  zip text NOT NULL,
  street text,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE public.addresses ALTER COLUMN zip SET STATISTICS 1000;
ALTER TABLE public.addresses ALTER COLUMN city SET STATISTICS 500;
CREATE STATISTICS public.addresses_zip_city (dependencies) ON zip, city FROM public.addresses;
CREATE STATISTICS public.addresses_geo_nd (ndistinct) ON country, state, city FROM public.addresses;
CREATE STATISTICS stats.addresses_country_state_mcv (mcv) ON country, state FROM public.addresses;
CREATE STATISTICS stats.addresses_all ON country, state, city, zip FROM public.addresses;
ALTER STATISTICS stats.addresses_all SET STATISTICS 200;
ALTER STATISTICS stats.addresses_all OWNER TO ap_stats_owner;
COMMENT ON STATISTICS public.addresses_zip_city IS 'zip determines city';
CREATE TABLE public.orders (
  id bigserial PRIMARY KEY,
  shipped boolean NOT NULL DEFAULT false,
  delivered boolean NOT NULL DEFAULT false,
  channel text,
  campaign text
);
CREATE STATISTICS public.orders_flags (dependencies, mcv) ON shipped, delivered FROM public.orders;
CREATE STATISTICS "public"."Orders Channel Campaign" ON channel, campaign FROM public.orders;
