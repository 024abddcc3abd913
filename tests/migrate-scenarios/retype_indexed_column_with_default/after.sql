CREATE TABLE public.scores (
    id integer PRIMARY KEY,
    player text NOT NULL,
    score bigint NOT NULL DEFAULT 0
);
CREATE INDEX scores_score_idx ON public.scores (score);
CREATE INDEX scores_high_idx ON public.scores (player, score) WHERE score > 100;
