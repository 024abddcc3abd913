CREATE DOMAIN public.pos AS integer CONSTRAINT pos_check CHECK (VALUE > 10);
