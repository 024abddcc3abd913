-- A ticket-priority enum whose values were renamed after typos were found in production.
CREATE SCHEMA helpdesk;
CREATE TYPE helpdesk.priority AS ENUM ('lwo', 'medum', 'high', 'urgnet');
ALTER TYPE helpdesk.priority RENAME VALUE 'lwo' TO 'low';
ALTER TYPE helpdesk.priority RENAME VALUE 'medum' TO 'medium';
ALTER TYPE helpdesk.priority RENAME VALUE 'urgnet' TO 'urgent';
ALTER TYPE helpdesk.priority ADD VALUE 'trivial' BEFORE 'low';
CREATE TABLE helpdesk.tickets (id int PRIMARY KEY, prio helpdesk.priority DEFAULT 'medium');
CREATE INDEX ON helpdesk.tickets (prio) WHERE prio >= 'high';
