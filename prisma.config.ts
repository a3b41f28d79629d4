import { defineConfig } from "prisma/config"

// The Prisma CLI (and ../shared/tools/prisma-offline) read the same DATABASE_URL form as the app:
// `postgresql://pglite/?dir=./data/pglite` is an embedded PGlite directory, any other URL a server.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://pglite/?dir=./data/pglite" },
})
