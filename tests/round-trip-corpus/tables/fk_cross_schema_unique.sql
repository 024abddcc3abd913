-- Foreign keys across schemas, to a UNIQUE constraint, to a unique index, and to quoted names.
CREATE SCHEMA ref;
CREATE SCHEMA "Sales";
CREATE TABLE ref.currencies (code char(3) PRIMARY KEY, numeric_code int UNIQUE, alt text);
CREATE UNIQUE INDEX currencies_alt ON ref.currencies (alt);
CREATE TABLE "Sales"."Orders" (
    "Id" int PRIMARY KEY,
    "Currency" char(3) REFERENCES ref.currencies,
    num int REFERENCES ref.currencies (numeric_code),
    alt text REFERENCES ref.currencies (alt)
);
CREATE TABLE public.order_notes (order_id int REFERENCES "Sales"."Orders" ("Id") ON DELETE CASCADE);
