-- Imitates a NetBox-like network inventory: inet/cidr/macaddr/macaddr8 columns with gist inet_ops and btree indexes, bit/varbit flags, uuid, xml config blobs, money, exclusion on overlapping prefixes, and a VRF-aware unique constraint.
CREATE TABLE public.vrfs (id serial PRIMARY KEY, name varchar(100) NOT NULL UNIQUE, rd varchar(21) UNIQUE);
CREATE TABLE public.prefixes (
  id bigserial PRIMARY KEY,
  prefix cidr NOT NULL,
  vrf_id integer REFERENCES public.vrfs,
  status varchar(50) NOT NULL DEFAULT 'active',
  is_pool boolean NOT NULL DEFAULT false
);
CREATE INDEX prefixes_prefix_gist ON public.prefixes USING gist (prefix inet_ops);
CREATE UNIQUE INDEX prefixes_vrf_prefix ON public.prefixes (coalesce(vrf_id, 0), prefix);
CREATE TABLE public.ip_addresses (
  id bigserial PRIMARY KEY,
  address inet NOT NULL,
  vrf_id integer REFERENCES public.vrfs ON DELETE SET NULL,
  dns_name varchar(255) DEFAULT '' NOT NULL,
  assigned_object_id uuid,
  CONSTRAINT ip_addresses_host_check CHECK (masklen(address) BETWEEN 0 AND 128)
);
CREATE INDEX ip_addresses_address_host ON public.ip_addresses (host(address));
CREATE INDEX ip_addresses_address_spgist ON public.ip_addresses USING spgist (address);
CREATE TABLE public.interfaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  device text NOT NULL,
  name varchar(64) NOT NULL,
  mac_address macaddr,
  wwn macaddr8,
  mtu integer CHECK (mtu BETWEEN 1 AND 65536),
  capabilities bit(8) NOT NULL DEFAULT B'00000000',
  vlan_mask varbit(4096),
  config xml,
  monthly_cost money,
  UNIQUE (device, name)
);
CREATE INDEX interfaces_mac ON public.interfaces (mac_address) WHERE mac_address IS NOT NULL;
CREATE TABLE public.aggregates (
  id serial PRIMARY KEY,
  prefix cidr NOT NULL,
  rir text NOT NULL,
  EXCLUDE USING gist (prefix inet_ops WITH &&)
);
CREATE FUNCTION public.prefix_utilisation(p cidr) RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT round((100.0 * count(*) / greatest(2 ^ (CASE WHEN family(p) = 4 THEN 32 ELSE 128 END - masklen(p)), 1))::numeric, 2)
    FROM public.ip_addresses WHERE address << p
$$;
CREATE VIEW public.prefix_children AS
  SELECT parent.id AS parent_id, child.id AS child_id, child.prefix
  FROM public.prefixes parent JOIN public.prefixes child ON child.prefix << parent.prefix AND coalesce(child.vrf_id, 0) = coalesce(parent.vrf_id, 0);
