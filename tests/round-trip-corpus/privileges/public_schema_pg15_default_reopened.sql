-- An upgraded cluster's habits restored: CREATE on public granted back to PUBLIC (a no-op before 15).
GRANT CREATE ON SCHEMA public TO PUBLIC;
CREATE TABLE public.t (id int);
