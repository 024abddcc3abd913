CREATE TABLE public.teams (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.players (
    id integer PRIMARY KEY,
    team_id integer,
    name text NOT NULL
);
INSERT INTO public.teams VALUES
    (1, 'red'),
    (2, 'blue'),
    (3, 'green');
INSERT INTO public.players VALUES
    (10, 1, 'ann'),
    (11, 1, 'bob'),
    (12, 2, 'cy'),
    (13, NULL, 'dee');
