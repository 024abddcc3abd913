-- Two tables referencing each other (department head / employee department), plus a three-table cycle.
CREATE SCHEMA org;
CREATE TABLE org.departments (id int PRIMARY KEY, head_id int);
CREATE TABLE org.employees (id int PRIMARY KEY, department_id int REFERENCES org.departments);
ALTER TABLE org.departments ADD CONSTRAINT departments_head FOREIGN KEY (head_id) REFERENCES org.employees DEFERRABLE INITIALLY DEFERRED;
CREATE TABLE org.a (id int PRIMARY KEY, b_id int);
CREATE TABLE org.b (id int PRIMARY KEY, c_id int);
CREATE TABLE org.c (id int PRIMARY KEY, a_id int REFERENCES org.a);
ALTER TABLE org.a ADD FOREIGN KEY (b_id) REFERENCES org.b;
ALTER TABLE org.b ADD FOREIGN KEY (c_id) REFERENCES org.c;
