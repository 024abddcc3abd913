-- Imitates WordPress + WooCommerce ported to PostgreSQL (PG4WP-style): wp_posts/wp_postmeta/wp_options/wp_users/wp_terms with bigint "unsigned" checks, meta_key prefix indexes via left(), autoload options, and WooCommerce order lookup tables.
CREATE TABLE public.wp_options (
  option_id bigserial PRIMARY KEY,
  option_name varchar(191) NOT NULL DEFAULT '' UNIQUE,
  option_value text NOT NULL,
  autoload varchar(20) NOT NULL DEFAULT 'yes'
);
CREATE INDEX wp_options_autoload ON public.wp_options (autoload);
CREATE TABLE public.wp_users (
  "ID" bigserial PRIMARY KEY,
  user_login varchar(60) NOT NULL DEFAULT '',
  user_pass varchar(255) NOT NULL DEFAULT '',
  user_nicename varchar(50) NOT NULL DEFAULT '',
  user_email varchar(100) NOT NULL DEFAULT '',
  user_url varchar(100) NOT NULL DEFAULT '',
  user_registered timestamp NOT NULL DEFAULT '1970-01-01 00:00:00',
  user_activation_key varchar(255) NOT NULL DEFAULT '',
  user_status integer NOT NULL DEFAULT 0,
  display_name varchar(250) NOT NULL DEFAULT ''
);
CREATE INDEX wp_users_user_login_key ON public.wp_users (user_login);
CREATE INDEX wp_users_user_nicename ON public.wp_users (user_nicename);
CREATE INDEX wp_users_user_email ON public.wp_users (user_email);
CREATE TABLE public.wp_posts (
  "ID" bigserial PRIMARY KEY,
  post_author bigint NOT NULL DEFAULT 0 CHECK (post_author >= 0),
  post_date timestamp NOT NULL DEFAULT '1970-01-01 00:00:00',
  post_date_gmt timestamp NOT NULL DEFAULT '1970-01-01 00:00:00',
  post_content text NOT NULL,
  post_title text NOT NULL,
  post_excerpt text NOT NULL,
  post_status varchar(20) NOT NULL DEFAULT 'publish',
  comment_status varchar(20) NOT NULL DEFAULT 'open',
  post_name varchar(200) NOT NULL DEFAULT '',
  post_modified timestamp NOT NULL DEFAULT '1970-01-01 00:00:00',
  post_parent bigint NOT NULL DEFAULT 0 CHECK (post_parent >= 0),
  guid varchar(255) NOT NULL DEFAULT '',
  menu_order integer NOT NULL DEFAULT 0,
  post_type varchar(20) NOT NULL DEFAULT 'post',
  post_mime_type varchar(100) NOT NULL DEFAULT '',
  comment_count bigint NOT NULL DEFAULT 0
);
CREATE INDEX wp_posts_post_name ON public.wp_posts (left(post_name, 191));
CREATE INDEX wp_posts_type_status_date ON public.wp_posts (post_type, post_status, post_date, "ID");
CREATE INDEX wp_posts_post_parent ON public.wp_posts (post_parent);
CREATE INDEX wp_posts_post_author ON public.wp_posts (post_author);
CREATE TABLE public.wp_postmeta (
  meta_id bigserial PRIMARY KEY,
  post_id bigint NOT NULL DEFAULT 0 CHECK (post_id >= 0),
  meta_key varchar(255) DEFAULT NULL,
  meta_value text
);
CREATE INDEX wp_postmeta_post_id ON public.wp_postmeta (post_id);
CREATE INDEX wp_postmeta_meta_key ON public.wp_postmeta (left(meta_key, 191));
CREATE TABLE public.wp_terms (term_id bigserial PRIMARY KEY, name varchar(200) NOT NULL DEFAULT '', slug varchar(200) NOT NULL DEFAULT '', term_group bigint NOT NULL DEFAULT 0);
CREATE INDEX wp_terms_slug ON public.wp_terms (left(slug, 191));
CREATE TABLE public.wp_term_taxonomy (
  term_taxonomy_id bigserial PRIMARY KEY,
  term_id bigint NOT NULL DEFAULT 0,
  taxonomy varchar(32) NOT NULL DEFAULT '',
  description text NOT NULL,
  parent bigint NOT NULL DEFAULT 0,
  count bigint NOT NULL DEFAULT 0,
  UNIQUE (term_id, taxonomy)
);
CREATE TABLE public.wp_term_relationships (object_id bigint NOT NULL DEFAULT 0, term_taxonomy_id bigint NOT NULL DEFAULT 0, term_order integer NOT NULL DEFAULT 0, PRIMARY KEY (object_id, term_taxonomy_id));
CREATE TABLE public.wp_wc_order_stats (
  order_id bigint NOT NULL PRIMARY KEY CHECK (order_id >= 0),
  parent_id bigint NOT NULL DEFAULT 0,
  date_created timestamp NOT NULL DEFAULT '1970-01-01 00:00:00',
  date_created_gmt timestamp NOT NULL DEFAULT '1970-01-01 00:00:00',
  num_items_sold integer NOT NULL DEFAULT 0,
  total_sales double precision NOT NULL DEFAULT 0,
  tax_total double precision NOT NULL DEFAULT 0,
  shipping_total double precision NOT NULL DEFAULT 0,
  net_total double precision NOT NULL DEFAULT 0,
  returning_customer boolean DEFAULT NULL,
  status varchar(200) NOT NULL,
  customer_id bigint NOT NULL
);
CREATE INDEX wp_wc_order_stats_date_created ON public.wp_wc_order_stats (date_created);
CREATE INDEX wp_wc_order_stats_customer_id ON public.wp_wc_order_stats (customer_id);
CREATE INDEX wp_wc_order_stats_status ON public.wp_wc_order_stats (left(status, 191));
CREATE VIEW public.wp_published_posts AS SELECT "ID", post_title, post_date FROM public.wp_posts WHERE post_status = 'publish' AND post_type = 'post';
