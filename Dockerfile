# Briefroom for a team: the web and collaboration instances and nginx in one container,
# started by `npm run serve` (README, "Deploying"). Not built in CI: the tested path is the
# same command on a machine with Debian's nginx.
FROM node:22-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends nginx postgresql-client ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx prisma generate && npx next build
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 LOG_FORMAT=json
EXPOSE 8080
# DATABASE_URL, MIGRATION_DATABASE_URL, REDIS_URL, AUTH_SECRET and PUBLIC_URL come from the
# environment (see compose.yaml).
CMD ["node", "--import", "tsx", "lib/ops/deploy/serve.ts", "--web", "2", "--collab", "2", "--port", "8080", "--host", "0.0.0.0"]
