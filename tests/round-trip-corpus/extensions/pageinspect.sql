-- pageinspect installed in a tools schema with a few inspection functions granted to a support role.
-- roles: px_pageinspect
CREATE SCHEMA tools;
CREATE EXTENSION pageinspect SCHEMA tools;
GRANT USAGE ON SCHEMA tools TO px_pageinspect;
REVOKE EXECUTE ON FUNCTION tools.page_header(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tools.page_header(bytea) TO px_pageinspect;
REVOKE ALL ON FUNCTION tools.bt_metap(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tools.bt_metap(text) TO px_pageinspect;
CREATE TABLE public.t (id int PRIMARY KEY);
