-- Imitates a Slack/Discord-style chat backend: messages hash-partitioned by channel_id into 8 partitions, reactions with composite PK, a read-cursor table, a partitioned-table row trigger (cloned to partitions) and FKs into the partitioned table.
CREATE TABLE public.channels (
  id bigint PRIMARY KEY,
  workspace_id bigint NOT NULL,
  name text NOT NULL,
  is_private boolean NOT NULL DEFAULT false,
  archived_at timestamptz,
  UNIQUE (workspace_id, name)
);
CREATE TABLE public.messages (
  channel_id bigint NOT NULL REFERENCES public.channels ON DELETE CASCADE,
  id bigint NOT NULL,
  author_id bigint NOT NULL,
  thread_root_id bigint,
  body text NOT NULL,
  edited_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, id)
) PARTITION BY HASH (channel_id);
CREATE TABLE public.messages_p0 PARTITION OF public.messages FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE public.messages_p1 PARTITION OF public.messages FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE public.messages_p2 PARTITION OF public.messages FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE public.messages_p3 PARTITION OF public.messages FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE public.messages_p4 PARTITION OF public.messages FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE public.messages_p5 PARTITION OF public.messages FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE public.messages_p6 PARTITION OF public.messages FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE public.messages_p7 PARTITION OF public.messages FOR VALUES WITH (MODULUS 8, REMAINDER 7);
CREATE TABLE public.reactions (
  channel_id bigint NOT NULL,
  message_id bigint NOT NULL,
  user_id bigint NOT NULL,
  emoji text NOT NULL,
  PRIMARY KEY (channel_id, message_id, user_id, emoji),
  FOREIGN KEY (channel_id, message_id) REFERENCES public.messages (channel_id, id) ON DELETE CASCADE
);
CREATE TABLE public.read_cursors (
  user_id bigint NOT NULL,
  channel_id bigint NOT NULL REFERENCES public.channels ON DELETE CASCADE,
  last_read_id bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, channel_id)
) WITH (fillfactor = 70);
CREATE FUNCTION public.messages_touch_edited() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.body IS DISTINCT FROM OLD.body THEN
    NEW.edited_at := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER messages_touch_edited BEFORE UPDATE ON public.messages FOR EACH ROW EXECUTE FUNCTION public.messages_touch_edited();
CREATE FUNCTION public.messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('channel_' || NEW.channel_id, NEW.id::text);
  RETURN NULL;
END $$;
CREATE TRIGGER messages_notify AFTER INSERT ON public.messages FOR EACH ROW EXECUTE FUNCTION public.messages_notify();
CREATE VIEW public.unread_counts AS
  SELECT rc.user_id, rc.channel_id, count(m.id) AS unread
  FROM public.read_cursors rc LEFT JOIN public.messages m ON m.channel_id = rc.channel_id AND m.id > rc.last_read_id
  GROUP BY rc.user_id, rc.channel_id;
