-- min-major: 17
-- A view flattening JSON documents with JSON_TABLE and JSON_VALUE/JSON_QUERY/JSON_EXISTS (17+).
CREATE SCHEMA jt;
CREATE TABLE jt.docs (id int, doc jsonb);
CREATE VIEW jt.lines AS
  SELECT d.id, l.* FROM jt.docs d,
    JSON_TABLE(d.doc, '$.lines[*]' COLUMNS (
      n FOR ORDINALITY,
      sku text PATH '$.sku',
      qty int PATH '$.qty' DEFAULT 1 ON EMPTY,
      has_note boolean EXISTS PATH '$.note',
      NESTED PATH '$.tags[*]' COLUMNS (tag text PATH '$')
    )) AS l;
CREATE VIEW jt.scalars AS SELECT id, JSON_VALUE(doc, '$.total' RETURNING numeric) AS total,
  JSON_QUERY(doc, '$.lines' WITH WRAPPER) AS lines, JSON_EXISTS(doc, '$.paid') AS paid FROM jt.docs;
