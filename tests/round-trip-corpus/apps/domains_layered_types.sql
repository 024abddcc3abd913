-- Imitates a healthcare/FHIR-style schema heavy on domains: domains over domains, over enums, over composites and arrays, domain CHECKs calling an IMMUTABLE function, NOT VALID domain constraints, and arrays of domains in tables.
CREATE SCHEMA fhir;
CREATE FUNCTION fhir.is_valid_code(text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1 ~ '^[A-Za-z0-9\-\.]{1,64}$' $$;
CREATE DOMAIN fhir.code AS text CONSTRAINT code_format CHECK (fhir.is_valid_code(VALUE));
CREATE DOMAIN fhir.loinc_code AS fhir.code CONSTRAINT loinc_shape CHECK (VALUE ~ '^[0-9]{1,5}-[0-9]$');
CREATE TYPE fhir.administrative_gender AS ENUM ('male', 'female', 'other', 'unknown');
CREATE DOMAIN fhir.gender AS fhir.administrative_gender DEFAULT 'unknown' NOT NULL;
CREATE TYPE fhir.quantity AS (value numeric, unit text, system text, code text);
CREATE DOMAIN fhir.positive_quantity AS fhir.quantity CHECK ((VALUE).value IS NULL OR (VALUE).value >= 0);
CREATE DOMAIN fhir.code_list AS fhir.code[] CHECK (cardinality(VALUE) <= 10);
CREATE DOMAIN fhir.instant AS timestamptz CHECK (VALUE > '1900-01-01'::timestamptz);
CREATE TABLE fhir.patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  gender fhir.gender,
  birth_date date,
  identifiers fhir.code[] NOT NULL DEFAULT '{}',
  tags fhir.code_list,
  last_updated fhir.instant NOT NULL DEFAULT now()
);
CREATE TABLE fhir.observations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES fhir.patients ON DELETE CASCADE,
  code fhir.loinc_code NOT NULL,
  value fhir.positive_quantity,
  issued fhir.instant,
  components fhir.quantity[]
);
CREATE INDEX observations_patient_code ON fhir.observations (patient_id, code);
CREATE INDEX observations_value_unit ON fhir.observations (((value).unit));
ALTER DOMAIN fhir.instant ADD CONSTRAINT instant_not_future CHECK (VALUE < '2200-01-01'::timestamptz) NOT VALID;
ALTER DOMAIN fhir.code_list ADD CONSTRAINT code_list_no_nulls CHECK (array_position(VALUE, NULL) IS NULL);
COMMENT ON DOMAIN fhir.loinc_code IS 'LOINC codes: digits, dash, check digit';
