-- Imitates a hotel-booking / HR-contracts schema written for PostgreSQL 18: temporal primary keys WITHOUT OVERLAPS, temporal foreign keys with PERIOD, virtual generated columns, uuidv7() defaults and NOT NULL constraints added NOT VALID.
-- min-major: 18
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE public.room_rates (
  room_id integer NOT NULL,
  valid_at daterange NOT NULL,
  nightly numeric(10,2) NOT NULL,
  nightly_with_tax numeric(10,2) GENERATED ALWAYS AS (nightly * 1.2) VIRTUAL,
  CONSTRAINT room_rates_pkey PRIMARY KEY (room_id, valid_at WITHOUT OVERLAPS)
);
CREATE TABLE public.bookings (
  id uuid NOT NULL DEFAULT uuidv7() PRIMARY KEY,
  room_id integer NOT NULL,
  stay daterange NOT NULL,
  guest text,
  nights integer GENERATED ALWAYS AS (upper(stay) - lower(stay)) VIRTUAL,
  CONSTRAINT bookings_rate_fk FOREIGN KEY (room_id, PERIOD stay) REFERENCES public.room_rates (room_id, PERIOD valid_at)
);
CREATE TABLE public.contracts (
  employee_id integer NOT NULL,
  during tstzrange NOT NULL,
  title text,
  UNIQUE (employee_id, during WITHOUT OVERLAPS)
);
ALTER TABLE public.bookings ADD CONSTRAINT bookings_guest_not_null NOT NULL guest NOT VALID;
ALTER TABLE public.contracts ADD CONSTRAINT contracts_title_nn NOT NULL title;
CREATE INDEX bookings_nights_idx ON public.bookings (room_id) WHERE guest IS NOT NULL;
