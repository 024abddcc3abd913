CREATE SUBSCRIPTION orders_in CONNECTION 'host=192.0.2.2 dbname=upstream'
    PUBLICATION orders, returns WITH (connect = false, slot_name = 'orders_in', synchronous_commit = 'local');
COMMENT ON SUBSCRIPTION orders_in IS 'after';
CREATE TABLE public.subscription_oids (sub_oid oid PRIMARY KEY);
