-- The table access method's comment changes and the index one gains one: COMMENTs, and the
-- table using the method keeps its rows.
CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
COMMENT ON ACCESS METHOD heap2 IS 'after';
CREATE ACCESS METHOD hash2 TYPE INDEX HANDLER hashhandler;
COMMENT ON ACCESS METHOD hash2 IS 'hash, again';
CREATE TABLE public.items (id integer PRIMARY KEY, label text) USING heap2;
