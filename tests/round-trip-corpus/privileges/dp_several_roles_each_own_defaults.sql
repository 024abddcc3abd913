-- Three service owners, each with its own default privileges, each creating objects in its own and a shared schema.
-- roles: pv_svc_orders, pv_svc_billing, pv_svc_shipping, pv_bi
CREATE SCHEMA shared;
GRANT USAGE, CREATE ON SCHEMA shared TO pv_svc_orders, pv_svc_billing, pv_svc_shipping;
CREATE SCHEMA orders AUTHORIZATION pv_svc_orders;
CREATE SCHEMA billing AUTHORIZATION pv_svc_billing;
CREATE SCHEMA shipping AUTHORIZATION pv_svc_shipping;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_svc_orders GRANT SELECT ON TABLES TO pv_bi;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_svc_billing IN SCHEMA shared GRANT SELECT ON TABLES TO pv_svc_orders;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_svc_billing REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_svc_shipping GRANT USAGE ON SEQUENCES TO pv_svc_orders;
ALTER DEFAULT PRIVILEGES FOR ROLE pv_svc_shipping, pv_svc_orders IN SCHEMA shared GRANT REFERENCES ON TABLES TO pv_svc_billing;
SET ROLE pv_svc_orders;
CREATE TABLE orders.o (id serial PRIMARY KEY, total numeric);
CREATE TABLE shared.orders_pub (id int PRIMARY KEY);
CREATE FUNCTION orders.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
SET ROLE pv_svc_billing;
CREATE TABLE billing.invoice (id serial PRIMARY KEY);
CREATE TABLE shared.billing_pub (id int PRIMARY KEY);
CREATE FUNCTION billing.f() RETURNS int LANGUAGE sql AS 'SELECT 2';
SET ROLE pv_svc_shipping;
CREATE TABLE shipping.parcel (id serial PRIMARY KEY);
CREATE TABLE shared.shipping_pub (id int PRIMARY KEY);
CREATE SEQUENCE shipping.tracking;
RESET ROLE;
