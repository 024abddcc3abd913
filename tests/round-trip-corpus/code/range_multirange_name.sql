-- min-major: 14
-- Range types with an explicit multirange type name and one with the default name, used by columns.
CREATE SCHEMA sched;
CREATE TYPE sched.timerange AS RANGE (SUBTYPE = time, MULTIRANGE_TYPE_NAME = sched.time_multirange);
CREATE TYPE sched.dayrange AS RANGE (SUBTYPE = date);
CREATE TABLE sched.opening_hours (
  shop int PRIMARY KEY,
  hours sched.time_multirange,
  closed sched.daymultirange DEFAULT '{}'
);
COMMENT ON TYPE sched.time_multirange IS 'opening hours of one day';
