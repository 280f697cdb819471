/**
 * How much of each catalog layer's payload bytes are random (incompressible), per layer key.
 * A layer's `ratio` is the compressed/uncompressed ratio of the real layer; our deterministic gzip
 * (tar/gzip.ts) stores a 1 MiB block whole when it *starts* with random bytes, so a payload that is
 * `ratio` random would compress to somewhat more than `ratio`. These shares were calibrated
 * (share += (target − measured gzip size) / size, twice; small layers, where gzip's 1 MiB
 * blocks make the size a step function, by interpolating between the two tries) so that each layer's blob is close to
 * `ratio × size`; the catalog tests check that it is. Layers not listed use their `ratio`.
 */
export const PAYLOAD_RANDOM_SHARE: Readonly<Record<string, number>> = {
  "alpine:3.18#0": 0.311,
  "buildpack-deps:bookworm#3": 0.315,
  "buildpack-deps:bookworm-curl#1": 0.302,
  "buildpack-deps:bookworm-scm#2": 0.337,
  "busybox:latest#0": 0.404,
  "debian:bookworm#0": 0.332,
  "debian:bookworm-slim#0": 0.29,
  "golang:1.19#0": 0.285,
  "golang:1.19#1": 0.29,
  "nginx:alpine#0": 0.333,
  "nginx:alpine#6": 0.244,
  "nginx:latest#0": 0.292,
  "node:18#1": 0.232,
  "node:18#2": 0.146,
  "node:18-alpine#1": 0.241,
  "node:18-alpine#2": 0.146,
  "node:18-slim#1": 0.231,
  "node:18-slim#2": 0.146,
  "python:3.11#0": 0.222,
  "python:3.11#1": 0.277,
  "python:3.11#3": 0.252,
  "python:3.11-slim#0": 0.2,
  "python:3.11-slim#1": 0.242,
  "python:3.11-slim#3": 0.255,
  "ubuntu:20.04#0": 0.254,
  "ubuntu:22.04#0": 0.268,
};
