-- min-major: 16
-- Views using SQL/JSON constructors and predicates (16+): JSON_OBJECT, JSON_ARRAYAGG, IS JSON.
CREATE SCHEMA js;
CREATE TABLE js.t (id int, k text, v text, raw text);
CREATE VIEW js.objs AS SELECT id, JSON_OBJECT('k' VALUE k, 'v' VALUE v ABSENT ON NULL) AS o FROM js.t;
CREATE VIEW js.agg AS SELECT JSON_ARRAYAGG(v ORDER BY id RETURNING jsonb) AS arr,
  JSON_OBJECTAGG(k VALUE v WITH UNIQUE KEYS) AS obj FROM js.t;
CREATE VIEW js.checks AS SELECT id, raw IS JSON OBJECT AS is_obj, raw IS NOT JSON SCALAR AS not_scalar,
  raw IS JSON WITH UNIQUE KEYS AS uniq FROM js.t;
