-- pg-flux: renamed from mood
CREATE TYPE public.emotion AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE public.diary (
    id integer PRIMARY KEY,
    day date NOT NULL,
    feeling public.emotion DEFAULT 'ok'
);
