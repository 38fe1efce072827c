# syntax=docker/dockerfile:1
# Madoguchi: compile with the dev dependencies, run with the production ones only.

FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The web console (Vite + Preact) builds into dist/console, served under /admin.
COPY console ./console
RUN npm run build

FROM node:22-slim AS runtime
# HOST: inside a container the server must listen on every interface, not only loopback.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    FAQ_DIR=/app/faq
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY faq ./faq
COPY flex-templates ./flex-templates
USER node
EXPOSE 3000
# node:22-slim has no curl: ask /healthz with Node's own fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
