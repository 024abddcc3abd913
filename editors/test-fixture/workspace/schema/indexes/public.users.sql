CREATE INDEX users_email ON public.users USING btree (email);
