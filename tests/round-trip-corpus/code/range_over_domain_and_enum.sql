-- A range over a domain subtype (positive numerics) and an enum-based range for ordered stages.
CREATE SCHEMA pricing;
CREATE DOMAIN pricing.positive AS numeric CHECK (VALUE > 0);
CREATE TYPE pricing.stage AS ENUM ('alpha', 'beta', 'ga');
CREATE TYPE pricing.stagerange AS RANGE (SUBTYPE = pricing.stage);
CREATE TYPE pricing.price_band AS RANGE (SUBTYPE = numeric);
CREATE TABLE pricing.bands (id int, band pricing.price_band, stages pricing.stagerange);
