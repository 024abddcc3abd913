-- Imitates a multilingual product catalog: columns and indexes with libc "C"/"POSIX" collations for codes, an ICU case-insensitive nondeterministic collation for usernames, ICU numeric ordering for SKUs, and a domain carrying a collation.
CREATE COLLATION public.case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION public.numeric_sort (provider = icu, locale = 'en-u-kn-true');
CREATE COLLATION public.german_phonebook (provider = icu, locale = 'de-u-co-phonebk');
CREATE COLLATION public.c_copy FROM "C";
CREATE COLLATION public.posix_libc (provider = libc, locale = 'POSIX');
COMMENT ON COLLATION public.case_insensitive IS 'for usernames and e-mail addresses';
CREATE DOMAIN public.ci_text AS text COLLATE public.case_insensitive;
CREATE TABLE public.users (
  id serial PRIMARY KEY,
  username text COLLATE public.case_insensitive NOT NULL UNIQUE,
  email public.ci_text NOT NULL,
  display_name text COLLATE public.german_phonebook
);
CREATE TABLE public.products (
  sku text COLLATE public.numeric_sort PRIMARY KEY,
  code varchar(20) COLLATE "C" NOT NULL,
  legacy_code varchar(20) COLLATE "POSIX",
  title text NOT NULL,
  title_c text COLLATE public.c_copy,
  suffix text COLLATE public.posix_libc
);
CREATE INDEX products_code_idx ON public.products (code);
CREATE INDEX products_title_c_idx ON public.products (title COLLATE "C" text_pattern_ops);
CREATE INDEX products_title_numeric_idx ON public.products (title COLLATE public.numeric_sort DESC);
CREATE VIEW public.products_sorted AS SELECT sku, title FROM public.products ORDER BY title COLLATE "C";
CREATE FUNCTION public.same_user(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a = b COLLATE public.case_insensitive $$;
