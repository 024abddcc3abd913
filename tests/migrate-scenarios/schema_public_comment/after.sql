COMMENT ON SCHEMA public IS 'changed';
