INSERT INTO public.t (name) VALUES ('dave');
