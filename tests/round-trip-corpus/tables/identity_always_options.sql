-- Identity columns GENERATED ALWAYS with every sequence option spelled out.
CREATE SCHEMA ids;
CREATE TABLE ids.tickets (
    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5 MINVALUE 50 MAXVALUE 1000000 CACHE 20 CYCLE) PRIMARY KEY,
    subject text
);
CREATE TABLE ids.small (
    id smallint GENERATED ALWAYS AS IDENTITY (INCREMENT BY -1 START WITH -1) NOT NULL,
    x int
);
CREATE TABLE ids.named_seq (
    id int GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME ids.custom_ticket_seq START 7),
    v text
);
