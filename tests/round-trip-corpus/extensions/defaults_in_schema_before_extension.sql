-- Per-schema default privileges in force when an extension is created into that schema, then changed members on top.
-- roles: px_dis_user, px_dis_types
CREATE SCHEMA ext;
ALTER DEFAULT PRIVILEGES IN SCHEMA ext GRANT EXECUTE ON FUNCTIONS TO px_dis_user;
ALTER DEFAULT PRIVILEGES IN SCHEMA ext GRANT USAGE ON TYPES TO px_dis_types;
CREATE EXTENSION seg SCHEMA ext;
CREATE EXTENSION cube SCHEMA ext;
REVOKE EXECUTE ON FUNCTION ext.cube_size(ext.cube) FROM px_dis_user;
REVOKE USAGE ON TYPE ext.seg FROM px_dis_types;
CREATE TABLE public.shapes (id int, box ext.cube, range ext.seg);
CREATE INDEX shapes_box ON public.shapes USING gist (box);
