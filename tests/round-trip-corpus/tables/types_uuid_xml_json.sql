-- An API payload table with uuid, xml, json and jsonb columns, defaults and jsonb checks.
CREATE SCHEMA api;
CREATE TABLE api.payloads (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    raw json,
    doc jsonb NOT NULL DEFAULT '{}'::jsonb,
    meta jsonb DEFAULT '{"v": 1, "tags": []}',
    report xml,
    fragment xml DEFAULT '<a/>'::xml,
    CONSTRAINT payloads_doc_object CHECK (jsonb_typeof(doc) = 'object'),
    CONSTRAINT payloads_has_v CHECK (meta ? 'v')
);
CREATE INDEX payloads_doc_path ON api.payloads USING gin (doc jsonb_path_ops);
CREATE INDEX payloads_meta ON api.payloads USING gin (meta);
CREATE INDEX payloads_doc_kind ON api.payloads ((doc ->> 'kind'));
