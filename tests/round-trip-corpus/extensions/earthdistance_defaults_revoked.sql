-- earthdistance and cube installed while default EXECUTE was revoked, one distance function re-opened to PUBLIC.
-- roles: px_geo2
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE EXTENSION cube;
CREATE EXTENSION earthdistance;
GRANT EXECUTE ON FUNCTION public.earth_distance(earth, earth) TO PUBLIC;
GRANT EXECUTE ON FUNCTION public.ll_to_earth(double precision, double precision) TO px_geo2;
CREATE TABLE public.sites (id int, loc earth);
