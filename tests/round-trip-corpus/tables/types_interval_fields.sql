-- A scheduling table using interval with field restrictions and precisions.
CREATE SCHEMA sched;
CREATE TABLE sched.jobs (
    id int PRIMARY KEY,
    every interval NOT NULL DEFAULT '1 day',
    y interval YEAR,
    m interval MONTH,
    d interval DAY,
    h interval HOUR,
    mi interval MINUTE,
    s interval SECOND,
    s3 interval SECOND(3),
    ym interval YEAR TO MONTH DEFAULT '1-2',
    dh interval DAY TO HOUR,
    dm interval DAY TO MINUTE,
    ds interval DAY TO SECOND(2),
    hm interval HOUR TO MINUTE,
    hs interval HOUR TO SECOND,
    ms interval MINUTE TO SECOND(0),
    p interval(4),
    CONSTRAINT jobs_positive CHECK (every > interval '0')
);
