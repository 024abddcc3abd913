CREATE COLLATION public.mycoll (locale = 'C');
