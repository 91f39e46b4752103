# syntax=docker/dockerfile:1
# Build stage: compile what the exporter runs and nothing else. tsconfig.runtime.json compiles src/main.ts and
# what it imports: the simulators, the demo, the benchmark and the tools stay out of the image.
FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.runtime.json ./
COPY src ./src
RUN npx tsc -p tsconfig.runtime.json

# Production dependencies only (none of them needs an install script).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts

# Runtime: the compiled exporter, its production dependencies and package.json (read for the version).
FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /src/dist ./dist
# Huawei CloudDC log exports keep their state_file and download_dir here: the one place the unprivileged
# user may write (the root filesystem can be read-only). Mount a volume to keep it across containers.
RUN mkdir -p /var/lib/backup-exporter && chown node:node /var/lib/backup-exporter
USER node
EXPOSE 9897
VOLUME ["/var/lib/backup-exporter"]
ENTRYPOINT ["node", "--single-threaded-gc", "/app/dist/main.js"]
CMD ["--config.file=/etc/backup-exporter/config.yaml"]
