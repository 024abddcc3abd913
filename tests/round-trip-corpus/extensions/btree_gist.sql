-- Room bookings: an exclusion constraint (room WITH =, during WITH &&) through btree_gist, and a KNN distance function locked down.
-- roles: px_booking
CREATE EXTENSION btree_gist;
REVOKE EXECUTE ON FUNCTION public.int4_dist(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.int4_dist(integer, integer) TO px_booking;
REVOKE ALL ON FUNCTION public.date_dist(date, date) FROM PUBLIC;
CREATE TABLE public.bookings (
  room int NOT NULL,
  during tstzrange NOT NULL,
  EXCLUDE USING gist (room WITH =, during WITH &&)
);
CREATE INDEX bookings_room_knn ON public.bookings USING gist (room);
