CREATE TABLE public.spans (
    id integer PRIMARY KEY,
    lo integer,
    hi integer,
    CONSTRAINT lo_nonnegative CHECK (lo >= 0),
    CONSTRAINT hi_nonnegative CHECK (hi >= 0)
);
INSERT INTO public.spans VALUES
    (1, 0, 10),
    (2, 5, 5),
    (3, NULL, 7),
    (4, 2, NULL);
