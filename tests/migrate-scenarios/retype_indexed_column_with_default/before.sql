CREATE TABLE public.scores (
    id integer PRIMARY KEY,
    player text NOT NULL,
    score integer NOT NULL DEFAULT 0
);
CREATE INDEX scores_score_idx ON public.scores (score);
CREATE INDEX scores_high_idx ON public.scores (player, score) WHERE score > 100;
INSERT INTO public.scores VALUES
    (1, 'ann', 150),
    (2, 'bob', 0),
    (3, 'cy', 99),
    (4, 'dee', 2147483647);
