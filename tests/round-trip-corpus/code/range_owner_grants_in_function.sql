-- A seat-number range type with a user-written subtype_diff function, an owner and privileges.
-- roles: tv_owner, tv_reader
CREATE SCHEMA booking;
CREATE FUNCTION booking.seat_diff(a int4, b int4) RETURNS float8
  LANGUAGE sql IMMUTABLE STRICT AS 'SELECT (a - b)::float8';
CREATE TYPE booking.seatrange AS RANGE (SUBTYPE = int4, SUBTYPE_DIFF = booking.seat_diff);
ALTER TYPE booking.seatrange OWNER TO tv_owner;
REVOKE USAGE ON TYPE booking.seatrange FROM PUBLIC;
GRANT USAGE ON TYPE booking.seatrange TO tv_reader;
CREATE FUNCTION booking.overlaps(a booking.seatrange, b booking.seatrange) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT a && b';
CREATE TABLE booking.reservations (id int, seats booking.seatrange,
  EXCLUDE USING gist (seats WITH &&));
