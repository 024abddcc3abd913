-- Imitates Node ORMs side by side: Sequelize tables with "createdAt"/"updatedAt" and enum_<Table>_<column> enum types plus SequelizeMeta, and TypeORM tables with uuid_generate_v4() PKs, "PK_<hash>"/"FK_<hash>"/"UQ_<hash>"/"IDX_<hash>" names and the migrations table.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TYPE public."enum_Users_role" AS ENUM ('admin', 'editor', 'viewer');
CREATE TABLE public."Users" (
    id integer NOT NULL,
    "firstName" character varying(255),
    "lastName" character varying(255),
    email character varying(255) NOT NULL,
    role public."enum_Users_role" DEFAULT 'viewer'::public."enum_Users_role",
    "createdAt" timestamp with time zone NOT NULL,
    "updatedAt" timestamp with time zone NOT NULL,
    "deletedAt" timestamp with time zone
);
CREATE SEQUENCE public."Users_id_seq" AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public."Users_id_seq" OWNED BY public."Users".id;
ALTER TABLE ONLY public."Users" ALTER COLUMN id SET DEFAULT nextval('public."Users_id_seq"'::regclass);
ALTER TABLE ONLY public."Users" ADD CONSTRAINT "Users_pkey" PRIMARY KEY (id);
ALTER TABLE ONLY public."Users" ADD CONSTRAINT "Users_email_key" UNIQUE (email);
CREATE TABLE public."SequelizeMeta" (name character varying(255) NOT NULL PRIMARY KEY);
CREATE TABLE public.photo (
    "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
    "name" character varying(100) NOT NULL,
    "description" text NOT NULL,
    "filename" character varying NOT NULL,
    "views" double precision NOT NULL DEFAULT '0',
    "isPublished" boolean NOT NULL DEFAULT false,
    "userId" integer,
    "createdDate" TIMESTAMP NOT NULL DEFAULT now(),
    "version" integer NOT NULL,
    CONSTRAINT "UQ_1d2a3b5e8c11a9f0c1b2e3d4f5a" UNIQUE ("filename"),
    CONSTRAINT "PK_723fa50bf70dcfd06fb5a44d4ff" PRIMARY KEY ("id")
);
CREATE TABLE public.album (
    "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
    "name" character varying NOT NULL,
    CONSTRAINT "PK_58e0b4b8a31bb897e6959fe3206" PRIMARY KEY ("id")
);
CREATE TABLE public.album_photos_photo (
    "albumId" uuid NOT NULL,
    "photoId" uuid NOT NULL,
    CONSTRAINT "PK_d6f0c4b3d8a1e2f3a4b5c6d7e8f" PRIMARY KEY ("albumId", "photoId")
);
CREATE INDEX "IDX_6d10e5e3e2e1f4a5b6c7d8e9f0" ON public.album_photos_photo ("albumId");
CREATE INDEX "IDX_ea1b2c3d4e5f6a7b8c9d0e1f2a" ON public.album_photos_photo ("photoId");
ALTER TABLE public.photo ADD CONSTRAINT "FK_4494006ff358f754d07df5ccc87" FOREIGN KEY ("userId") REFERENCES public."Users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE public.album_photos_photo ADD CONSTRAINT "FK_6d10e5e3e2e1f4a5b6c7d8e9f01" FOREIGN KEY ("albumId") REFERENCES public.album("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE public.album_photos_photo ADD CONSTRAINT "FK_ea1b2c3d4e5f6a7b8c9d0e1f2a3" FOREIGN KEY ("photoId") REFERENCES public.photo("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE TABLE public.migrations ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY ("id"));
CREATE TABLE public.typeorm_metadata ("type" character varying NOT NULL, "database" character varying, "schema" character varying, "table" character varying, "name" character varying, "value" text);
