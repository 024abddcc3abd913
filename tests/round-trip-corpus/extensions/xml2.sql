-- Legacy XPath queries with xml2 (not relocatable) in its own schema; xslt_process kept from PUBLIC.
-- roles: px_xml
CREATE SCHEMA xml;
CREATE EXTENSION xml2 SCHEMA xml;
REVOKE EXECUTE ON FUNCTION xml.xslt_process(text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xml.xslt_process(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION xml.xslt_process(text, text) TO px_xml;
CREATE TABLE public.docs (id int, body text);
CREATE VIEW public.doc_titles AS SELECT id, xml.xpath_string(body, '/doc/title') AS title FROM public.docs;
