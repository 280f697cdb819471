/**
 * The seeds' bad and good Dockerfiles (seed 002 §4, scenarios 1–4, anti-patterns 1–3; seed 003),
 * as the course uses them: the seeds' trailing "# …" notes moved onto their own lines, since a
 * `#` after an instruction is not a comment in a Dockerfile (COVERAGE 01.29).
 */
export const SEED_DOCKERFILES = {
  nodeBad: `FROM node:18-alpine
# source first: every edit busts the cache below
COPY . .
RUN npm install
CMD ["npm", "start"]
`,
  nodeGood: `FROM node:18-alpine
WORKDIR /app
COPY package*.json ./
RUN npm install
COPY . .
CMD ["npm", "start"]
`,
  pythonBad: `FROM python:3.11
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
CMD ["python", "app.py"]
`,
  pythonGood: `FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "app.py"]
`,
  aptBad: `FROM ubuntu:22.04
RUN apt-get update
RUN apt-get install -y build-essential
RUN apt-get clean
`,
  aptGood: `FROM ubuntu:22.04
RUN apt-get update && \\
    apt-get install -y build-essential && \\
    apt-get clean && \\
    rm -rf /var/lib/apt/lists/*
`,
  explosionBad: `FROM ubuntu:22.04
RUN apt-get update
RUN apt-get install -y curl
RUN apt-get install -y vim
RUN apt-get install -y git
RUN apt-get install -y wget
`,
  explosionGood: `FROM ubuntu:22.04
RUN apt-get update && apt-get install -y \\
    curl \\
    vim \\
    git \\
    wget \\
  && rm -rf /var/lib/apt/lists/*
`,
  dateBad: `FROM alpine
RUN apk add --no-cache curl
RUN date > /timestamp.txt
RUN echo "Done"
`,
  dateGood: `FROM alpine
RUN apk add --no-cache curl
RUN echo "Done"
`,
  secretBad: `FROM alpine
COPY secret.key /tmp/
RUN use-secret /tmp/secret.key
RUN rm /tmp/secret.key
`,
  secretGood: `# syntax=docker/dockerfile:1
FROM alpine
RUN --mount=type=secret,id=mysecret \\
    use-secret /run/secrets/mysecret
`,
  multistageGood: `FROM node:18-alpine AS builder
WORKDIR /app
COPY package*.json ./
RUN npm ci --only=production
COPY . .
RUN npm run build

FROM node:18-alpine
WORKDIR /app
COPY --from=builder /app/dist ./dist
COPY --from=builder /app/node_modules ./node_modules
COPY package*.json ./
USER node
CMD ["node", "dist/index.js"]
`,
  capstoneBad: `FROM node

WORKDIR /app

COPY . .

RUN npm install

RUN npm run build

EXPOSE 3000

CMD ["node", "app.js"]
`,
} as const;
