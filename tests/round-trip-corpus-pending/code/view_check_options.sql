-- Auto-updatable views with WITH LOCAL / CASCADED CHECK OPTION stacked over each other.
CREATE SCHEMA wco;
CREATE TABLE wco.orders (id int PRIMARY KEY, amount numeric, region text);
CREATE VIEW wco.positive AS SELECT * FROM wco.orders WHERE amount > 0 WITH LOCAL CHECK OPTION;
CREATE VIEW wco.positive_eu AS SELECT * FROM wco.positive WHERE region = 'eu' WITH CASCADED CHECK OPTION;
CREATE VIEW wco.big_eu AS SELECT * FROM wco.positive_eu WHERE amount > 1000 WITH CHECK OPTION;
CREATE VIEW wco.no_check AS SELECT * FROM wco.positive WHERE region <> 'eu';
CREATE VIEW wco.opt_syntax WITH (check_option = cascaded) AS SELECT id, amount FROM wco.orders WHERE amount < 10;
