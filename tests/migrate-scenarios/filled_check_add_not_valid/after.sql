CREATE TABLE public.measurements (
    id integer PRIMARY KEY,
    reading integer
);
ALTER TABLE public.measurements ADD CONSTRAINT reading_nonnegative CHECK (reading >= 0) NOT VALID;
