-- Dropping a subscription never connects to its publisher: it is detached from its slot
-- first, and the hazard says the slot is left on the publisher.
CREATE SUBSCRIPTION orders_in CONNECTION 'host=192.0.2.1 dbname=upstream'
    PUBLICATION orders WITH (connect = false, slot_name = 'orders_in');
CREATE TABLE public.t (id integer PRIMARY KEY);
INSERT INTO public.t VALUES (1), (2);
