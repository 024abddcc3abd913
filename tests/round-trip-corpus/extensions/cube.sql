-- Feature vectors in cube columns with a GiST index; cube_distance locked down to one role.
-- roles: px_cube
CREATE EXTENSION cube;
REVOKE EXECUTE ON FUNCTION public.cube_distance(cube, cube) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.cube_distance(cube, cube) TO px_cube;
REVOKE USAGE ON TYPE public.cube FROM PUBLIC;
CREATE TABLE public.features (id int, v cube NOT NULL);
CREATE INDEX features_v ON public.features USING gist (v);
CREATE VIEW public.near_origin AS SELECT id FROM public.features WHERE v <-> '(0,0)'::cube < 1;
