-- Primary keys: single, composite, named, with INCLUDE, deferrable, with fillfactor, and added later.
CREATE SCHEMA pk;
CREATE TABLE pk.simple (id int PRIMARY KEY);
CREATE TABLE pk.composite (a int, b text, c date, CONSTRAINT composite_key PRIMARY KEY (b, a));
CREATE TABLE pk.covering (id int, payload text, CONSTRAINT covering_pk PRIMARY KEY (id) INCLUDE (payload));
CREATE TABLE pk.deferred (id int PRIMARY KEY DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE pk.tuned (id bigint, CONSTRAINT tuned_pk PRIMARY KEY (id) WITH (fillfactor = 50));
CREATE TABLE pk.later (id int NOT NULL, v text);
ALTER TABLE pk.later ADD PRIMARY KEY (id);
CREATE TABLE pk.text_key (code varchar(10) COLLATE "C" PRIMARY KEY);
