-- Imitates an older Django (< 4.1) app schema: serial PKs, positive-integer checks, a unique_together constraint, UUID and JSON fields, a GIN index from django.contrib.postgres, and a db_table with a capitalised name.
CREATE TABLE public.shop_category (
    id serial PRIMARY KEY,
    name character varying(64) NOT NULL,
    slug character varying(50) NOT NULL UNIQUE,
    parent_id integer
);
ALTER TABLE public.shop_category ADD CONSTRAINT shop_category_parent_id_9f4a7a56_fk_shop_category_id FOREIGN KEY (parent_id) REFERENCES public.shop_category(id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX shop_category_slug_6a9b4b0c_like ON public.shop_category USING btree (slug varchar_pattern_ops);
CREATE INDEX shop_category_parent_id_9f4a7a56 ON public.shop_category USING btree (parent_id);
CREATE TABLE public.shop_product (
    id serial PRIMARY KEY,
    uuid uuid NOT NULL UNIQUE,
    title character varying(200) NOT NULL,
    price numeric(10,2) NOT NULL,
    stock integer NOT NULL,
    weight_grams smallint,
    attributes jsonb NOT NULL,
    tags character varying(30)[] NOT NULL,
    created timestamp with time zone NOT NULL,
    modified timestamp with time zone NOT NULL,
    category_id integer NOT NULL,
    CONSTRAINT shop_product_stock_check CHECK ((stock >= 0)),
    CONSTRAINT shop_product_weight_grams_check CHECK ((weight_grams >= 0)),
    CONSTRAINT price_non_negative CHECK ((price >= (0)::numeric))
);
ALTER TABLE public.shop_product ADD CONSTRAINT shop_product_category_id_14d7eea8_fk_shop_category_id FOREIGN KEY (category_id) REFERENCES public.shop_category(id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX shop_product_category_id_14d7eea8 ON public.shop_product USING btree (category_id);
CREATE INDEX shop_product_attributes_gin ON public.shop_product USING gin (attributes jsonb_path_ops);
CREATE INDEX shop_product_tags_gin ON public.shop_product USING gin (tags);
CREATE INDEX shop_produc_created_0a5f3e_idx ON public.shop_product USING btree (created DESC, id);
CREATE TABLE public."Shop_Review" (
    id serial PRIMARY KEY,
    product_id integer NOT NULL,
    author_id integer NOT NULL,
    rating smallint NOT NULL,
    body text NOT NULL,
    CONSTRAINT "Shop_Review_rating_check" CHECK ((rating >= 0)),
    CONSTRAINT rating_range CHECK (((rating >= 1) AND (rating <= 5))),
    CONSTRAINT "Shop_Review_product_id_author_id_3c1ea1f1_uniq" UNIQUE (product_id, author_id)
);
ALTER TABLE public."Shop_Review" ADD CONSTRAINT "Shop_Review_product_id_5e7e3d1c_fk_shop_product_id" FOREIGN KEY (product_id) REFERENCES public.shop_product(id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "Shop_Review_product_id_5e7e3d1c" ON public."Shop_Review" USING btree (product_id);
CREATE TABLE public.shop_product_related (
    id serial PRIMARY KEY,
    from_product_id integer NOT NULL REFERENCES public.shop_product(id) DEFERRABLE INITIALLY DEFERRED,
    to_product_id integer NOT NULL REFERENCES public.shop_product(id) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT shop_product_related_from_product_id_to_product_id_uniq UNIQUE (from_product_id, to_product_id)
);
CREATE UNIQUE INDEX unique_active_title_per_category ON public.shop_product (category_id, lower(title)) WHERE stock > 0;
