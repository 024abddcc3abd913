CREATE TABLE public.teams (
    id integer PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.players (
    id integer PRIMARY KEY,
    team_id integer,
    name text NOT NULL,
    CONSTRAINT players_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams (id)
);
