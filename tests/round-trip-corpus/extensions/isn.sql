-- A bookshop with ISBN-13 and EAN columns (isn) and a unique index; isn_weak and the isbn13 type re-granted.
-- roles: px_isn
CREATE EXTENSION isn;
REVOKE EXECUTE ON FUNCTION public.isn_weak(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.isn_weak(boolean) TO px_isn;
REVOKE USAGE ON TYPE public.isbn13 FROM PUBLIC;
GRANT USAGE ON TYPE public.isbn13 TO px_isn;
CREATE TABLE public.books (isbn isbn13 PRIMARY KEY, barcode ean13, issn issn);
CREATE INDEX books_barcode ON public.books USING hash (barcode);
