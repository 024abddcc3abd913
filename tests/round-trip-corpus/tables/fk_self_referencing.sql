-- A self-referencing category tree and an employee/manager hierarchy with composite self-references.
CREATE SCHEMA tree;
CREATE TABLE tree.categories (
    id int PRIMARY KEY,
    parent_id int REFERENCES tree.categories ON DELETE CASCADE,
    name text NOT NULL,
    UNIQUE (parent_id, name)
);
CREATE TABLE tree.employees (
    company int,
    id int,
    manager int,
    PRIMARY KEY (company, id),
    CONSTRAINT employees_manager FOREIGN KEY (company, manager) REFERENCES tree.employees (company, id) DEFERRABLE
);
