-- The subscription changes in place (publications, connection string, an option, the
-- comment): check.sql proves it is the same subscription. The table keeps its rows.
CREATE SUBSCRIPTION orders_in CONNECTION 'host=192.0.2.1 dbname=upstream'
    PUBLICATION orders WITH (connect = false, slot_name = 'orders_in');
COMMENT ON SUBSCRIPTION orders_in IS 'before';
CREATE TABLE public.subscription_oids (sub_oid oid PRIMARY KEY);
INSERT INTO public.subscription_oids SELECT oid FROM pg_catalog.pg_subscription WHERE subname = 'orders_in';
