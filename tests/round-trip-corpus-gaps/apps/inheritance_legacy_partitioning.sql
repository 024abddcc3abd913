-- Imitates a pre-PostgreSQL-10 partitioning scheme still in production: table inheritance with CHECK constraints per child, a routing trigger on the parent, NO INHERIT constraints, multiple inheritance for a mixin and ONLY-scoped indexes.
CREATE TABLE public.measurement (
  city_id integer NOT NULL,
  logdate date NOT NULL,
  peaktemp integer,
  unitsales integer,
  CONSTRAINT measurement_parent_empty CHECK (false) NO INHERIT
);
CREATE TABLE public.measurement_y2023 (CHECK (logdate >= DATE '2023-01-01' AND logdate < DATE '2024-01-01')) INHERITS (public.measurement);
CREATE TABLE public.measurement_y2024 (CHECK (logdate >= DATE '2024-01-01' AND logdate < DATE '2025-01-01')) INHERITS (public.measurement);
CREATE TABLE public.measurement_y2024_extra (note text, CHECK (logdate >= DATE '2024-01-01' AND logdate < DATE '2025-01-01')) INHERITS (public.measurement);
CREATE INDEX measurement_y2023_logdate ON public.measurement_y2023 (logdate);
CREATE INDEX measurement_y2024_logdate ON public.measurement_y2024 (logdate);
CREATE FUNCTION public.measurement_insert_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.logdate >= DATE '2024-01-01' AND NEW.logdate < DATE '2025-01-01') THEN
    INSERT INTO public.measurement_y2024 VALUES (NEW.*);
  ELSIF (NEW.logdate >= DATE '2023-01-01' AND NEW.logdate < DATE '2024-01-01') THEN
    INSERT INTO public.measurement_y2023 VALUES (NEW.*);
  ELSE
    RAISE EXCEPTION 'Date out of range.  Fix the measurement_insert_trigger() function!';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER insert_measurement_trigger BEFORE INSERT ON public.measurement FOR EACH ROW EXECUTE FUNCTION public.measurement_insert_trigger();
CREATE TABLE public.timestamped (created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz);
CREATE TABLE public.owned (owner_id integer NOT NULL DEFAULT 0);
CREATE TABLE public.notes (id serial PRIMARY KEY, body text) INHERITS (public.timestamped, public.owned);
CREATE TABLE public.cities (name text PRIMARY KEY, population real, elevation integer);
CREATE TABLE public.capitals (state char(2) UNIQUE NOT NULL) INHERITS (public.cities);
ALTER TABLE public.capitals ADD CONSTRAINT capitals_pkey PRIMARY KEY (name);
ALTER TABLE public.cities ADD CONSTRAINT cities_elevation_check CHECK (elevation > -500);
ALTER TABLE public.cities ADD COLUMN country text DEFAULT 'US';
CREATE VIEW public.cities_only AS SELECT name, population FROM ONLY public.cities;
