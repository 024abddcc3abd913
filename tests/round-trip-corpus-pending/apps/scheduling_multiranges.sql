-- Imitates a PostgreSQL 14+ availability service (e.g. a Cal.com-like backend): multirange columns for working hours and blackout periods, range_agg aggregates in views, and gist indexes on multiranges.
-- min-major: 14
CREATE TABLE public.calendars (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner text NOT NULL,
  busy tstzmultirange NOT NULL DEFAULT '{}',
  holidays datemultirange NOT NULL DEFAULT '{}'::datemultirange
);
CREATE INDEX calendars_busy_gist ON public.calendars USING gist (busy);
CREATE TABLE public.bookings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  calendar_id bigint NOT NULL REFERENCES public.calendars ON DELETE CASCADE,
  during tstzrange NOT NULL
);
CREATE VIEW public.calendar_busy AS
  SELECT calendar_id, range_agg(during) AS busy FROM public.bookings GROUP BY calendar_id;
CREATE FUNCTION public.is_free(p_calendar bigint, p_slot tstzrange) RETURNS boolean LANGUAGE sql STABLE
  RETURN NOT EXISTS (SELECT 1 FROM public.calendars c WHERE c.id = p_calendar AND (c.busy && p_slot OR c.holidays @> lower(p_slot)::date));
CREATE FUNCTION public.free_time(p_calendar bigint, p_window tstzrange) RETURNS tstzmultirange LANGUAGE sql STABLE
  RETURN (SELECT tstzmultirange(p_window) - c.busy FROM public.calendars c WHERE c.id = p_calendar);
