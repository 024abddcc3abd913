-- Delegated administration: owner grants with grant option to a lead, the lead to a deputy, the deputy to a user.
-- roles: pv_chain_owner, pv_chain_lead, pv_chain_deputy, pv_chain_user
CREATE SCHEMA chain AUTHORIZATION pv_chain_owner;
SET ROLE pv_chain_owner;
CREATE TABLE chain.t (id int, secret text);
GRANT USAGE ON SCHEMA chain TO pv_chain_lead WITH GRANT OPTION;
GRANT SELECT, UPDATE ON chain.t TO pv_chain_lead WITH GRANT OPTION;
SET ROLE pv_chain_lead;
GRANT USAGE ON SCHEMA chain TO pv_chain_deputy, pv_chain_user;
GRANT SELECT ON chain.t TO pv_chain_deputy WITH GRANT OPTION;
GRANT UPDATE ON chain.t TO pv_chain_deputy;
SET ROLE pv_chain_deputy;
GRANT SELECT ON chain.t TO pv_chain_user;
RESET ROLE;
