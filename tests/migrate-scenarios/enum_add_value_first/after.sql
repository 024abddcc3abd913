CREATE TYPE public.mood AS ENUM ('awful', 'sad', 'happy');
