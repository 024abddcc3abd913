CREATE DOMAIN public.pos AS integer;
