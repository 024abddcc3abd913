-- Deferrable foreign keys, initially deferred and immediate, used for bulk loads in any order.
CREATE SCHEMA fkd;
CREATE TABLE fkd.authors (id int PRIMARY KEY);
CREATE TABLE fkd.books (
    id int PRIMARY KEY,
    author_id int NOT NULL,
    editor_id int,
    CONSTRAINT books_author FOREIGN KEY (author_id) REFERENCES fkd.authors DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT books_editor FOREIGN KEY (editor_id) REFERENCES fkd.authors ON DELETE SET NULL DEFERRABLE INITIALLY IMMEDIATE,
    CONSTRAINT books_author_nd FOREIGN KEY (author_id) REFERENCES fkd.authors NOT DEFERRABLE
);
