-- Imitates a JSON API backend on PostgreSQL 16+: IS JSON OBJECT / IS JSON ARRAY check constraints, JSON_OBJECT/JSON_ARRAYAGG/JSON_OBJECTAGG constructors in views and functions.
-- min-major: 16
CREATE TABLE public.webhooks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url text NOT NULL,
  headers text CHECK (headers IS JSON OBJECT),
  events text NOT NULL CHECK (events IS JSON ARRAY WITH UNIQUE KEYS),
  raw_body text CHECK (raw_body IS JSON WITHOUT UNIQUE KEYS),
  payload jsonb CHECK (payload IS JSON SCALAR OR payload IS JSON OBJECT)
);
CREATE TABLE public.products (id integer PRIMARY KEY, sku text NOT NULL, price numeric(10,2), tags text[]);
CREATE VIEW public.product_documents AS
  SELECT id, JSON_OBJECT('id': id, 'sku': sku, 'price': price ABSENT ON NULL RETURNING jsonb) AS doc FROM public.products;
CREATE VIEW public.product_catalog AS
  SELECT JSON_ARRAYAGG(JSON_OBJECT('sku' VALUE sku, 'price' VALUE price) ORDER BY sku RETURNING jsonb) AS catalog,
         JSON_OBJECTAGG(sku VALUE price NULL ON NULL) AS price_map
  FROM public.products;
CREATE FUNCTION public.product_json(p_id integer) RETURNS json LANGUAGE sql STABLE
  RETURN (SELECT JSON_OBJECT('id': p.id, 'tags': JSON_ARRAY(p.tags[1], p.tags[2] NULL ON NULL)) FROM public.products p WHERE p.id = p_id);
