-- Views expanding composite results of functions with OUT parameters: (f()).*, field selection and LATERAL calls.
CREATE SCHEMA outv;
CREATE TABLE outv.nums (n int);
CREATE FUNCTION outv.divmod(a int, b int, OUT q int, OUT r int) LANGUAGE sql IMMUTABLE AS 'SELECT a / b, a % b';
CREATE VIEW outv.star AS SELECT n, (outv.divmod(n, 3)).* FROM outv.nums;
CREATE VIEW outv.field AS SELECT n, (outv.divmod(n, 7)).r AS rem7 FROM outv.nums;
CREATE VIEW outv.lat AS SELECT n, d.q, d.r FROM outv.nums, LATERAL outv.divmod(n, 5) d;
