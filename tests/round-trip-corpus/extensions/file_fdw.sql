-- CSV files read through file_fdw: wrapper USAGE given to a loader role, the handler's EXECUTE changed, a foreign table.
-- roles: px_loader
CREATE EXTENSION file_fdw;
GRANT USAGE ON FOREIGN DATA WRAPPER file_fdw TO px_loader WITH GRANT OPTION;
REVOKE EXECUTE ON FUNCTION public.file_fdw_handler() FROM PUBLIC;
CREATE SERVER px_files FOREIGN DATA WRAPPER file_fdw;
CREATE FOREIGN TABLE public.imported (id int, name text)
  SERVER px_files OPTIONS (filename '/nonexistent/import.csv', format 'csv', header 'true');
GRANT SELECT ON public.imported TO px_loader;
