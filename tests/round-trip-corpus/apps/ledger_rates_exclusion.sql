-- Imitates a billing/pricing schema with temporal validity: btree_gist exclusion constraints on tstzrange/daterange so price periods and FX rates never overlap, plus a deferrable exclusion constraint.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE public.products (id integer PRIMARY KEY, sku text NOT NULL UNIQUE);
CREATE TABLE public.prices (
  id bigserial PRIMARY KEY,
  product_id integer NOT NULL REFERENCES public.products,
  currency char(3) NOT NULL,
  unit_amount numeric(12,4) NOT NULL CHECK (unit_amount >= 0),
  valid tstzrange NOT NULL DEFAULT tstzrange(now(), NULL),
  CONSTRAINT prices_no_overlap EXCLUDE USING gist (product_id WITH =, currency WITH =, valid WITH &&),
  CONSTRAINT prices_valid_not_empty CHECK (NOT isempty(valid))
);
CREATE TABLE public.fx_rates (
  base char(3) NOT NULL,
  quote char(3) NOT NULL,
  rate numeric(18,10) NOT NULL,
  during daterange NOT NULL,
  CONSTRAINT fx_rates_pkey PRIMARY KEY (base, quote, during),
  CONSTRAINT fx_rates_no_overlap EXCLUDE USING gist (base WITH =, quote WITH =, during WITH &&) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE public.tax_rules (
  region text NOT NULL,
  rate numeric(6,4) NOT NULL,
  effective tsrange NOT NULL,
  EXCLUDE USING gist (region WITH =, effective WITH &&) WHERE (rate > 0)
);
CREATE INDEX prices_valid_idx ON public.prices USING gist (valid);
CREATE INDEX prices_current_idx ON public.prices (product_id, currency) WHERE upper_inf(valid);
CREATE FUNCTION public.price_at(p_product integer, p_currency char(3), p_at timestamptz DEFAULT now()) RETURNS numeric
  LANGUAGE sql STABLE STRICT AS $$
  SELECT unit_amount FROM public.prices WHERE product_id = p_product AND currency = p_currency AND valid @> p_at
$$;
CREATE FUNCTION public.close_price_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.prices SET valid = tstzrange(lower(valid), lower(NEW.valid))
   WHERE product_id = NEW.product_id AND currency = NEW.currency AND upper_inf(valid) AND lower(valid) < lower(NEW.valid);
  RETURN NEW;
END $$;
CREATE TRIGGER prices_close_previous BEFORE INSERT ON public.prices FOR EACH ROW EXECUTE FUNCTION public.close_price_period();
