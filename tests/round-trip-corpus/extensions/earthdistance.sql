-- Store locations as earth points (earthdistance over cube) in a geo schema with a GiST index; distance functions locked down.
-- roles: px_geo
CREATE SCHEMA geo;
CREATE EXTENSION cube SCHEMA geo;
CREATE EXTENSION earthdistance SCHEMA geo;
REVOKE EXECUTE ON FUNCTION geo.earth_distance(geo.earth, geo.earth) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION geo.earth_distance(geo.earth, geo.earth) TO px_geo;
REVOKE EXECUTE ON FUNCTION geo.geo_distance(point, point) FROM PUBLIC;
GRANT USAGE ON TYPE geo.earth TO px_geo;
CREATE TABLE public.stores (id int PRIMARY KEY, loc geo.earth, lonlat point);
CREATE INDEX stores_loc ON public.stores USING gist (loc);
