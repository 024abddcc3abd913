CREATE TABLE public.logs (
    msg text NOT NULL,
    level text
);
INSERT INTO public.logs VALUES
    ('started', 'info'),
    ('disk low', 'warn'),
    ('no level', NULL),
    ('stopped', 'info');
