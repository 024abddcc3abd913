-- Types and domains with USAGE revoked from PUBLIC and given to one role, some with grant option, used by tables.
-- roles: pv_ty_user, pv_ty_owner
CREATE SCHEMA ty;
CREATE TYPE ty.status AS ENUM ('new', 'paid');
CREATE TYPE ty.pair AS (l int, r int);
CREATE TYPE ty.span AS RANGE (subtype = int4);
CREATE DOMAIN ty.email AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN ty.money_amt AS numeric(12, 2) DEFAULT 0 NOT NULL;
REVOKE USAGE ON TYPE ty.status FROM PUBLIC;
GRANT USAGE ON TYPE ty.status TO pv_ty_user;
REVOKE ALL ON TYPE ty.pair FROM PUBLIC;
REVOKE USAGE ON TYPE ty.span FROM PUBLIC;
GRANT USAGE ON TYPE ty.span TO pv_ty_user WITH GRANT OPTION;
REVOKE USAGE ON DOMAIN ty.email FROM PUBLIC;
GRANT USAGE ON DOMAIN ty.email TO pv_ty_user;
GRANT ALL ON DOMAIN ty.money_amt TO pv_ty_user;
ALTER DOMAIN ty.money_amt OWNER TO pv_ty_owner;
CREATE TABLE ty.orders (s ty.status, p ty.pair, sp ty.span, e ty.email, amt ty.money_amt);
