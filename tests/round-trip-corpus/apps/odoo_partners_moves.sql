-- Imitates Odoo's ORM-generated tables: res_company/res_partner/account_move with create_uid/write_uid FKs ON DELETE SET NULL, jsonb translatable name columns, many2many rel tables with composite PK, and table/column comments from field labels.
CREATE TABLE public.res_users (id serial PRIMARY KEY, login varchar NOT NULL, active boolean DEFAULT true, create_uid integer, write_uid integer, create_date timestamp without time zone, write_date timestamp without time zone);
ALTER TABLE public.res_users ADD CONSTRAINT res_users_login_key UNIQUE (login);
ALTER TABLE public.res_users ADD CONSTRAINT res_users_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;
ALTER TABLE public.res_users ADD CONSTRAINT res_users_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;
COMMENT ON TABLE public.res_users IS 'User';
CREATE TABLE public.res_company (
  id serial PRIMARY KEY,
  name jsonb NOT NULL,
  parent_id integer REFERENCES public.res_company(id) ON DELETE SET NULL,
  currency_id integer NOT NULL,
  sequence integer,
  create_uid integer REFERENCES public.res_users(id) ON DELETE SET NULL,
  write_uid integer REFERENCES public.res_users(id) ON DELETE SET NULL,
  create_date timestamp without time zone,
  write_date timestamp without time zone
);
COMMENT ON TABLE public.res_company IS 'Companies';
COMMENT ON COLUMN public.res_company.name IS 'Company Name';
CREATE TABLE public.res_partner (
  id serial PRIMARY KEY,
  company_id integer REFERENCES public.res_company(id) ON DELETE SET NULL,
  name varchar,
  display_name varchar,
  ref varchar,
  lang varchar,
  tz varchar,
  vat varchar,
  email varchar,
  phone varchar,
  active boolean,
  is_company boolean,
  type varchar,
  parent_id integer REFERENCES public.res_partner(id) ON DELETE SET NULL,
  commercial_partner_id integer REFERENCES public.res_partner(id) ON DELETE SET NULL,
  partner_share boolean,
  complete_name varchar,
  create_uid integer REFERENCES public.res_users(id) ON DELETE SET NULL,
  write_uid integer REFERENCES public.res_users(id) ON DELETE SET NULL,
  create_date timestamp without time zone,
  write_date timestamp without time zone,
  CONSTRAINT res_partner_check_name CHECK (((type)::text = 'contact'::text AND name IS NOT NULL) OR ((type)::text <> 'contact'::text))
);
CREATE INDEX res_partner__company_id_index ON public.res_partner USING btree (company_id);
CREATE INDEX res_partner__complete_name_index ON public.res_partner USING btree (complete_name);
CREATE INDEX res_partner__display_name_index ON public.res_partner USING btree (display_name);
CREATE INDEX res_partner__parent_id_index ON public.res_partner USING btree (parent_id);
CREATE INDEX res_partner__ref_index ON public.res_partner USING btree (ref);
CREATE INDEX res_partner__vat_index ON public.res_partner USING btree (regexp_replace(upper((vat)::text), '[^A-Z0-9]+'::text, ''::text, 'g'::text));
COMMENT ON COLUMN public.res_partner.commercial_partner_id IS 'Commercial Entity';
CREATE TABLE public.res_partner_category (id serial PRIMARY KEY, name jsonb NOT NULL, color integer, active boolean, parent_path varchar);
CREATE INDEX res_partner_category__parent_path_index ON public.res_partner_category USING btree (parent_path);
CREATE TABLE public.res_partner_res_partner_category_rel (
  category_id integer NOT NULL REFERENCES public.res_partner_category(id) ON DELETE CASCADE,
  partner_id integer NOT NULL REFERENCES public.res_partner(id) ON DELETE CASCADE,
  PRIMARY KEY (category_id, partner_id)
);
CREATE INDEX res_partner_res_partner_category_rel_partner_id_category_id_idx ON public.res_partner_res_partner_category_rel USING btree (partner_id, category_id);
COMMENT ON TABLE public.res_partner_res_partner_category_rel IS 'RELATION BETWEEN res_partner_category AND res_partner';
CREATE TABLE public.account_move (
  id serial PRIMARY KEY,
  name varchar,
  state varchar NOT NULL,
  move_type varchar NOT NULL,
  date date NOT NULL,
  partner_id integer REFERENCES public.res_partner(id) ON DELETE RESTRICT,
  company_id integer NOT NULL REFERENCES public.res_company(id) ON DELETE RESTRICT,
  amount_total numeric,
  payment_state varchar,
  sequence_prefix varchar,
  sequence_number integer
);
CREATE UNIQUE INDEX account_move_unique_name ON public.account_move USING btree (name, company_id) WHERE ((state)::text = 'posted'::text AND (name)::text <> '/'::text);
CREATE INDEX account_move_sequence_index3 ON public.account_move USING btree (company_id, sequence_prefix, sequence_number DESC);
CREATE INDEX account_move__date_index ON public.account_move USING btree (date);
CREATE INDEX account_move_to_check_idx ON public.account_move USING btree (date, company_id) WHERE (payment_state)::text = 'not_paid'::text;
