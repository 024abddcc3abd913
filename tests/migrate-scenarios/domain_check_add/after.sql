CREATE DOMAIN public.pos AS integer CHECK (VALUE > 0);
