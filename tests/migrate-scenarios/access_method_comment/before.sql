CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
COMMENT ON ACCESS METHOD heap2 IS 'before';
CREATE ACCESS METHOD hash2 TYPE INDEX HANDLER hashhandler;
CREATE TABLE public.items (id integer PRIMARY KEY, label text) USING heap2;
INSERT INTO public.items VALUES (1, 'one'), (2, 'two');
