CREATE SCHEMA app;
-- pg-flux: renamed from users
CREATE TABLE app.accounts (
    id integer,
    login text,
    created_on date DEFAULT CURRENT_DATE,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);
