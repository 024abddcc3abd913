-- Imitates pagila (the PostgreSQL port of MySQL's sakila): films, actors, categories, a year domain, an mpaa_rating enum, a last_update trigger and the fulltext tsvector trigger.
CREATE TYPE public.mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');
CREATE DOMAIN public.year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
CREATE FUNCTION public.last_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.last_update = CURRENT_TIMESTAMP;
    RETURN NEW;
END $$;
CREATE TABLE public.language (
    language_id serial PRIMARY KEY,
    name character(20) NOT NULL,
    last_update timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.actor (
    actor_id serial PRIMARY KEY,
    first_name text NOT NULL,
    last_name text NOT NULL,
    last_update timestamp with time zone DEFAULT now() NOT NULL
);
CREATE INDEX idx_actor_last_name ON public.actor USING btree (last_name);
CREATE TABLE public.category (
    category_id serial PRIMARY KEY,
    name text NOT NULL,
    last_update timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.film (
    film_id serial PRIMARY KEY,
    title text NOT NULL,
    description text,
    release_year public.year,
    language_id integer NOT NULL REFERENCES public.language (language_id) ON UPDATE CASCADE ON DELETE RESTRICT,
    original_language_id integer REFERENCES public.language (language_id) ON UPDATE CASCADE ON DELETE RESTRICT,
    rental_duration smallint DEFAULT 3 NOT NULL,
    rental_rate numeric(4,2) DEFAULT 4.99 NOT NULL,
    length smallint,
    replacement_cost numeric(5,2) DEFAULT 19.99 NOT NULL,
    rating public.mpaa_rating DEFAULT 'G'::public.mpaa_rating,
    last_update timestamp with time zone DEFAULT now() NOT NULL,
    special_features text[],
    fulltext tsvector NOT NULL
);
CREATE INDEX film_fulltext_idx ON public.film USING gist (fulltext);
CREATE INDEX idx_fk_language_id ON public.film USING btree (language_id);
CREATE INDEX idx_fk_original_language_id ON public.film USING btree (original_language_id);
CREATE INDEX idx_title ON public.film USING btree (title);
CREATE TABLE public.film_actor (
    actor_id integer NOT NULL REFERENCES public.actor (actor_id) ON UPDATE CASCADE ON DELETE RESTRICT,
    film_id integer NOT NULL REFERENCES public.film (film_id) ON UPDATE CASCADE ON DELETE RESTRICT,
    last_update timestamp with time zone DEFAULT now() NOT NULL,
    PRIMARY KEY (actor_id, film_id)
);
CREATE INDEX idx_fk_film_id ON public.film_actor USING btree (film_id);
CREATE TABLE public.film_category (
    film_id integer NOT NULL REFERENCES public.film (film_id) ON UPDATE CASCADE ON DELETE RESTRICT,
    category_id integer NOT NULL REFERENCES public.category (category_id) ON UPDATE CASCADE ON DELETE RESTRICT,
    last_update timestamp with time zone DEFAULT now() NOT NULL,
    PRIMARY KEY (film_id, category_id)
);
CREATE TRIGGER film_fulltext_trigger BEFORE INSERT OR UPDATE ON public.film
    FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger('fulltext', 'pg_catalog.english', 'title', 'description');
CREATE TRIGGER last_updated BEFORE UPDATE ON public.actor FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.category FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.film FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.film_actor FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.film_category FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE TRIGGER last_updated BEFORE UPDATE ON public.language FOR EACH ROW EXECUTE FUNCTION public.last_updated();
CREATE AGGREGATE public.group_concat(text) (SFUNC = textcat, STYPE = text);
CREATE VIEW public.actor_info AS
 SELECT a.actor_id, a.first_name, a.last_name,
    public.group_concat(DISTINCT c.name || ': ' || (SELECT public.group_concat(f.title ORDER BY f.title)
           FROM public.film f
             JOIN public.film_category fc_1 ON f.film_id = fc_1.film_id
             JOIN public.film_actor fa_1 ON f.film_id = fa_1.film_id
          WHERE fc_1.category_id = c.category_id AND fa_1.actor_id = a.actor_id
          GROUP BY fa_1.actor_id)) AS film_info
   FROM public.actor a
     LEFT JOIN public.film_actor fa ON a.actor_id = fa.actor_id
     LEFT JOIN public.film_category fc ON fa.film_id = fc.film_id
     LEFT JOIN public.category c ON fc.category_id = c.category_id
  GROUP BY a.actor_id, a.first_name, a.last_name;
CREATE VIEW public.film_list AS
 SELECT film.film_id AS fid, film.title, film.description, category.name AS category,
    film.rental_rate AS price, film.length, film.rating,
    public.group_concat(actor.first_name || ' ' || actor.last_name) AS actors
   FROM public.category
     LEFT JOIN public.film_category ON category.category_id = film_category.category_id
     LEFT JOIN public.film ON film_category.film_id = film.film_id
     JOIN public.film_actor ON film.film_id = film_actor.film_id
     JOIN public.actor ON film_actor.actor_id = actor.actor_id
  GROUP BY film.film_id, film.title, film.description, category.name, film.rental_rate, film.length, film.rating;
COMMENT ON DOMAIN public.year IS 'a MySQL YEAR, as pagila models it';
