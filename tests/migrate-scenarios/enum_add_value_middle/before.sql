CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE TABLE public.feel (m public.mood);
INSERT INTO public.feel (m) VALUES ('sad'), ('happy'), (NULL), ('happy');
