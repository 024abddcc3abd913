CREATE TABLE public.docs (
    id integer PRIMARY KEY,
    title text NOT NULL,
    body json
);
INSERT INTO public.docs VALUES
    (1, 'a', '{"k": 1, "tags": ["x", "y"]}'),
    (2, 'b', NULL),
    (3, 'c', '[1, 2, 3]'),
    (4, 'd', '{"nested": {"deep": true}, "n": null}');
