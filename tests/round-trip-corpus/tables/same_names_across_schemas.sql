-- Tables, indexes and constraints with the same names in several schemas, referencing each other.
CREATE SCHEMA tenant_a;
CREATE SCHEMA tenant_b;
CREATE TABLE public.items (id int PRIMARY KEY, name text);
CREATE TABLE tenant_a.items (id int PRIMARY KEY, name text, ref int REFERENCES public.items);
CREATE TABLE tenant_b.items (id int PRIMARY KEY, name text, ref int REFERENCES tenant_a.items);
CREATE INDEX items_name ON public.items (name);
CREATE INDEX items_name ON tenant_a.items (name);
CREATE INDEX items_name ON tenant_b.items (lower(name));
ALTER TABLE tenant_a.items ADD CONSTRAINT items_name_check CHECK (name <> '');
ALTER TABLE tenant_b.items ADD CONSTRAINT items_name_check CHECK (name <> 'x');
