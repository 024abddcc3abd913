-- Imitates a clinic appointment scheduler: a custom float range type with subtype_diff, a timerange type, exclusion constraints on doctor/room availability, and range functions.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE FUNCTION public.time_subtype_diff(x time, y time) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT AS 'SELECT EXTRACT(EPOCH FROM (x - y))';
CREATE TYPE public.timerange AS RANGE (subtype = time, subtype_diff = public.time_subtype_diff);
CREATE TYPE public.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
COMMENT ON TYPE public.timerange IS 'opening hours within a day';
CREATE TABLE public.doctors (id integer PRIMARY KEY, name text NOT NULL, weekday_hours public.timerange NOT NULL DEFAULT '[08:00,17:00)');
CREATE TABLE public.rooms (id integer PRIMARY KEY, label text NOT NULL);
CREATE TABLE public.appointments (
  id bigserial PRIMARY KEY,
  doctor_id integer NOT NULL REFERENCES public.doctors,
  room_id integer NOT NULL REFERENCES public.rooms,
  patient text NOT NULL,
  slot tstzrange NOT NULL,
  cancelled boolean NOT NULL DEFAULT false,
  CONSTRAINT no_double_booked_doctor EXCLUDE USING gist (doctor_id WITH =, slot WITH &&) WHERE (NOT cancelled),
  CONSTRAINT no_double_booked_room EXCLUDE USING gist (room_id WITH =, slot WITH &&) WHERE (NOT cancelled),
  CONSTRAINT slot_bounds CHECK (lower_inc(slot) AND NOT upper_inc(slot))
);
CREATE TABLE public.dose_bands (drug text NOT NULL, band public.floatrange NOT NULL, label text NOT NULL, EXCLUDE USING gist (drug WITH =, band WITH &&));
CREATE FUNCTION public.free_slots(p_doctor integer, p_day date, p_len interval DEFAULT '30 minutes')
RETURNS SETOF tstzrange LANGUAGE sql STABLE AS $$
  SELECT tstzrange(t, t + p_len)
    FROM public.doctors d,
         generate_series(p_day + lower(d.weekday_hours), p_day + upper(d.weekday_hours) - p_len, p_len) t
   WHERE d.id = p_doctor
     AND NOT EXISTS (SELECT 1 FROM public.appointments a WHERE a.doctor_id = p_doctor AND NOT a.cancelled AND a.slot && tstzrange(t, t + p_len))
$$;
