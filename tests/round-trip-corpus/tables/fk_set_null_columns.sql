-- ON DELETE SET NULL / SET DEFAULT with a column list for multi-tenant composite keys (15+).
-- min-major: 15
CREATE SCHEMA mt;
CREATE TABLE mt.users (tenant_id int, id int, PRIMARY KEY (tenant_id, id));
CREATE TABLE mt.posts (
    tenant_id int NOT NULL,
    id int,
    author_id int,
    reviewer_id int DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT posts_author FOREIGN KEY (tenant_id, author_id) REFERENCES mt.users ON DELETE SET NULL (author_id),
    CONSTRAINT posts_reviewer FOREIGN KEY (tenant_id, reviewer_id) REFERENCES mt.users ON DELETE SET DEFAULT (reviewer_id)
);
