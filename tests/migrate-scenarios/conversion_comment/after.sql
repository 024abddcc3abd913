-- Only the conversion's comment changes: a COMMENT, not a drop and create.
CREATE CONVERSION public.utf8_latin1 FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;
COMMENT ON CONVERSION public.utf8_latin1 IS 'after';
CREATE TABLE public.words (id integer PRIMARY KEY, word text);
