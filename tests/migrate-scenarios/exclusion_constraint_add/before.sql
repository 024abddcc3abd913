CREATE TABLE public.r (id integer, during tsrange);
INSERT INTO public.r (id, during) VALUES (1, '[2020-01-01 00:00,2020-01-01 10:00)'), (2, '[2020-01-01 10:00,2020-01-02 00:00)'), (3, NULL), (NULL, '[2021-05-01,2021-06-01)');
