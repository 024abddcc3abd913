CREATE TYPE public.mood AS ENUM ('sad', 'happy');
COMMENT ON TYPE public.mood IS 'feelings';
