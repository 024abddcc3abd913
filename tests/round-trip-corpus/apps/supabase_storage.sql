-- Imitates Supabase Storage: storage.buckets/objects/migrations, the foldername/filename/extension helpers, search() and RLS policies on objects.
-- roles: ap_anon, ap_authenticated, ap_service_role, ap_storage_admin
CREATE SCHEMA storage AUTHORIZATION ap_storage_admin;
CREATE SCHEMA auth;
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ select nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
CREATE TABLE storage.buckets (
    id text NOT NULL PRIMARY KEY,
    name text NOT NULL,
    owner uuid,
    created_at timestamp with time zone DEFAULT now(),
    updated_at timestamp with time zone DEFAULT now(),
    public boolean DEFAULT false,
    avif_autodetection boolean DEFAULT false,
    file_size_limit bigint,
    allowed_mime_types text[]
);
CREATE UNIQUE INDEX bname ON storage.buckets USING btree (name);
CREATE TABLE storage.objects (
    id uuid DEFAULT gen_random_uuid() NOT NULL PRIMARY KEY,
    bucket_id text REFERENCES storage.buckets(id),
    name text,
    owner uuid,
    created_at timestamp with time zone DEFAULT now(),
    updated_at timestamp with time zone DEFAULT now(),
    last_accessed_at timestamp with time zone DEFAULT now(),
    metadata jsonb,
    path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/'::text)) STORED,
    version text
);
CREATE UNIQUE INDEX bucketid_objname ON storage.objects USING btree (bucket_id, name);
CREATE INDEX name_prefix_search ON storage.objects USING btree (name text_pattern_ops);
CREATE TABLE storage.migrations (
    id integer NOT NULL PRIMARY KEY,
    name character varying(100) NOT NULL UNIQUE,
    hash character varying(40) NOT NULL,
    executed_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP
);
CREATE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
_parts text[];
BEGIN
	select string_to_array(name, '/') into _parts;
	return _parts[1:array_length(_parts,1)-1];
END
$$;
CREATE FUNCTION storage.filename(name text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
_parts text[];
BEGIN
	select string_to_array(name, '/') into _parts;
	return _parts[array_length(_parts,1)];
END
$$;
CREATE FUNCTION storage.extension(name text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
_parts text[];
_filename text;
BEGIN
	select string_to_array(name, '/') into _parts;
	select _parts[array_length(_parts,1)] into _filename;
	return reverse(split_part(reverse(_filename), '.', 1));
END
$$;
CREATE FUNCTION storage.update_updated_at_column() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;
CREATE FUNCTION storage.search(prefix text, bucketname text, limits integer DEFAULT 100, levels integer DEFAULT 1, offsets integer DEFAULT 0)
 RETURNS TABLE(name text, id uuid, updated_at timestamp with time zone, created_at timestamp with time zone, last_accessed_at timestamp with time zone, metadata jsonb)
 LANGUAGE plpgsql STABLE AS $function$
BEGIN
	return query
		with files_folders as (
			select path_tokens[levels] as folder
			from storage.objects
			where objects.name ilike prefix || '%'
			and bucket_id = bucketname
			GROUP by folder
			limit limits
			offset offsets
		)
		select files_folders.folder as name, objects.id, objects.updated_at, objects.created_at, objects.last_accessed_at, objects.metadata from files_folders
		left join storage.objects
		on prefix || files_folders.folder = objects.name and objects.bucket_id=bucketname;
END
$function$;
CREATE TRIGGER update_objects_updated_at BEFORE UPDATE ON storage.objects FOR EACH ROW EXECUTE FUNCTION storage.update_updated_at_column();
ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.migrations ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Public read of avatars" ON storage.objects FOR SELECT USING (bucket_id = 'avatars');
CREATE POLICY "Users upload to their own folder" ON storage.objects FOR INSERT TO ap_authenticated
  WITH CHECK (bucket_id = 'avatars' AND (storage.foldername(name))[1] = (auth.uid())::text);
CREATE POLICY "Owners update their objects" ON storage.objects FOR UPDATE TO ap_authenticated
  USING (owner = auth.uid()) WITH CHECK (owner = auth.uid());
CREATE POLICY "Owners delete their objects" ON storage.objects AS RESTRICTIVE FOR DELETE TO ap_authenticated USING (owner = auth.uid());
CREATE POLICY "Service role manages buckets" ON storage.buckets TO ap_service_role USING (true) WITH CHECK (true);
GRANT USAGE ON SCHEMA storage TO ap_anon, ap_authenticated, ap_service_role;
GRANT ALL ON TABLE storage.buckets TO ap_anon, ap_authenticated, ap_service_role;
GRANT ALL ON TABLE storage.objects TO ap_anon, ap_authenticated, ap_service_role;
GRANT ALL ON TABLE storage.migrations TO ap_anon, ap_authenticated, ap_service_role;
ALTER TABLE storage.buckets OWNER TO ap_storage_admin;
ALTER TABLE storage.objects OWNER TO ap_storage_admin;
ALTER TABLE storage.migrations OWNER TO ap_storage_admin;
ALTER FUNCTION storage.search(text, text, integer, integer, integer) OWNER TO ap_storage_admin;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_storage_admin IN SCHEMA storage GRANT ALL ON TABLES TO ap_anon, ap_authenticated, ap_service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE ap_storage_admin IN SCHEMA storage GRANT ALL ON FUNCTIONS TO ap_anon, ap_authenticated, ap_service_role;
