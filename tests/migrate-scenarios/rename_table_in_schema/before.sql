CREATE SCHEMA app;
CREATE TABLE app.users (
    id integer PRIMARY KEY,
    login text,
    created_on date DEFAULT CURRENT_DATE
);
INSERT INTO app.users VALUES
    (1, 'ann', '2024-01-01'),
    (2, 'bob', NULL),
    (3, NULL, '2024-03-03');
