-- Run once by the PostgreSQL image on a new volume (compose.yaml): the role the app connects
-- as. Its grants come from `npm run serve` after the migrations (lib/db/runtime-role.ts).
CREATE ROLE briefroom_app LOGIN PASSWORD 'app-password-change-me'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
