-- Imitates a Prisma-migrated Next.js app: quoted PascalCase tables, camelCase columns, enum types, text ids with defaults, implicit many-to-many "_CategoryToPost" table with its _AB_unique/_B_index, and _prisma_migrations.
CREATE TYPE public."Role" AS ENUM ('USER', 'ADMIN');
CREATE TYPE public."PostStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');
CREATE TABLE public."User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" public."Role" NOT NULL DEFAULT 'USER',
    "emailVerified" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE TABLE public."Post" (
    "id" SERIAL NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "content" TEXT,
    "status" public."PostStatus" NOT NULL DEFAULT 'DRAFT',
    "authorId" TEXT NOT NULL,
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "metadata" JSONB,
    "publishedAt" TIMESTAMP(3),
    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);
CREATE TABLE public."Category" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);
CREATE TABLE public."Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "expires_at" INTEGER,
    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);
CREATE TABLE public."_CategoryToPost" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL
);
CREATE TABLE public."_prisma_migrations" (
    "id" VARCHAR(36) NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "_prisma_migrations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "User_email_key" ON public."User"("email");
CREATE INDEX "Post_authorId_status_idx" ON public."Post"("authorId", "status");
CREATE INDEX "Post_publishedAt_idx" ON public."Post"("publishedAt" DESC);
CREATE UNIQUE INDEX "Category_name_key" ON public."Category"("name");
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON public."Account"("provider", "providerAccountId");
CREATE UNIQUE INDEX "_CategoryToPost_AB_unique" ON public."_CategoryToPost"("A", "B");
CREATE INDEX "_CategoryToPost_B_index" ON public."_CategoryToPost"("B");
ALTER TABLE public."Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES public."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE public."Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES public."User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE public."_CategoryToPost" ADD CONSTRAINT "_CategoryToPost_A_fkey" FOREIGN KEY ("A") REFERENCES public."Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE public."_CategoryToPost" ADD CONSTRAINT "_CategoryToPost_B_fkey" FOREIGN KEY ("B") REFERENCES public."Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
