DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_subscription s
                   JOIN public.subscription_oids k ON k.sub_oid = s.oid) THEN
        RAISE EXCEPTION 'the subscription was recreated, not changed in place';
    END IF;
END $$;
