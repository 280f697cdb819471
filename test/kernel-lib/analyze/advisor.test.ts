import { describe, expect, test } from 'vitest';
import { adviseDockerfile } from '../../../kernel-lib/src/analyze/advisor/advise';
import { isSecretVariableName, looksLikeSecretFile } from '../../../kernel-lib/src/analyze/advisor/secretRules';
import { splitCommands } from '../../../kernel-lib/src/analyze/advisor/shellCommands';
import { layerFromEntries } from '../../../kernel-lib/src/layer/Layer';
import { zeroContent } from '../../../kernel-lib/src/content/createContent';
import { SEED_DOCKERFILES as S } from './seedDockerfiles';
import { expectGolden } from '../view/golden';

const rules = (text: string, opts = {}): string[] => adviseDockerfile(text, opts).rules;

describe('advisor on the seeds’ bad and good Dockerfiles', () => {
  test('node/python: COPY . . before the install is flagged; the reordered versions are clean', () => {
    expect(rules(S.nodeBad)).toEqual(['LL3001']);
    expect(rules(S.nodeGood)).toEqual([]);
    expect(rules(S.pythonBad)).toEqual(['LL1001', 'LL3001', 'DL3042']);
    expect(rules(S.pythonGood)).toEqual([]);
    expect(adviseDockerfile(S.nodeBad).findings[0]!.lines).toEqual([3, 4]);
  });
  test('apt in separate layers (scenario 3) vs one RUN', () => {
    expect(rules(S.aptBad)).toEqual(['DL3009', 'DL3059', 'LL2001', 'LL6001', 'LL2002']);
    expect(adviseDockerfile(S.aptBad).byRule('DL3059')[0]!.lines).toEqual([2, 3, 4]);
    expect(rules(S.aptGood)).toEqual(['LL6001']); // build-essential still ships: multi-stage is suggested
  });
  test('layer explosion (anti-pattern 1)', () => {
    expect(rules(S.explosionBad)).toEqual(['DL3009', 'DL3059', 'LL2001']);
    expect(rules(S.explosionGood)).toEqual([]);
  });
  test('time-dependent RUN (anti-pattern 2): explained as frozen, not as a cache miss', () => {
    const a = adviseDockerfile(S.dateBad);
    expect(a.rules).toEqual(['DL3006', 'DL3059', 'LL5001']);
    expect(a.byRule('LL5001')[0]!.explanation).toContain('CACHED');
    expect(rules(S.dateGood)).toEqual(['DL3006', 'DL3059']); // the seed's "good" one still floats on alpine:latest
  });
  test('secrets (anti-pattern 3): the COPY is an error; the secret mount is clean', () => {
    expect(rules(S.secretBad)).toEqual(['DL3006', 'LL4001', 'DL3059', 'LL2002']);
    expect(rules(S.secretGood)).toEqual(['DL3006']);
  });
  test('multi-stage (scenario 2) is clean; the seed 003 example breaks its own advice', () => {
    expect(rules(S.multistageGood)).toEqual([]);
    const a = adviseDockerfile(S.capstoneBad, { hasDockerignore: false, contextPaths: ['app.js', 'package.json', 'node_modules/x/index.js', '.git/HEAD'], name: 'seed 003' });
    expect(a.rules).toEqual(['DL3006', 'LL1001', 'LL3001', 'LL3002', 'DL3059', 'LL6001']);
    expect(a.byRule('LL3002')[0]!.explanation).toContain('node_modules, .git');
    expectGolden('advisor/seed-003.txt', a.text);
  });
});

describe('rule details', () => {
  test('DL3009 is quiet with a cache mount on the lists, and only in the final stage', () => {
    expect(rules('FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n')).toEqual([]);
    expect(rules('FROM debian:12 AS b\nRUN apt-get update && apt-get install -y curl\nFROM debian:12-slim\nCOPY --from=b /usr/bin/curl /usr/bin/\n')).toEqual([]);
    expect(rules('FROM debian:12 AS b\nRUN apt-get update && apt-get install -y curl\nFROM b\nCMD ["curl"]\n')).toEqual(['DL3009']);
  });
  test('DL3020: ADD for plain files only; archives and URLs are fine', () => {
    expect(rules('FROM alpine:3.18\nADD app.js /app/\n')).toEqual(['DL3020']);
    expect(rules('FROM alpine:3.18\nADD rootfs.tar.gz /\nADD https://example.com/x /x\n')).toEqual([]);
  });
  test('DL3007 latest, digests pinned, stage aliases and scratch ignored', () => {
    expect(rules('FROM nginx:latest\n')).toEqual(['DL3007']);
    expect(rules('FROM nginx@sha256:' + 'a'.repeat(64) + '\n')).toEqual([]);
    expect(rules('FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n')).toEqual([]);
  });
  test('COPY then chmod of the same file', () => {
    expect(rules('FROM ubuntu:22.04\nCOPY app.sh /app.sh\nRUN chmod +x /app.sh\n')).toEqual(['LL2003']);
  });
  test('secret names: files and BuildKit SecretsUsedInArgOrEnv', () => {
    expect(['secret.key', 'id_rsa', '.env', 'certs/server.pem', 'aws_credentials'].every(looksLikeSecretFile)).toBe(true);
    expect(['id_rsa.pub', 'app.js', 'keyboard.txt'].some(looksLikeSecretFile)).toBe(false);
    expect(['API_KEY', 'DATABASE_PASSWORD', 'GITHUB_TOKEN', 'AUTH'].every(isSecretVariableName)).toBe(true);
    expect(['PUBLIC_KEY', 'MONKEY', 'KEY_FILE', 'NODE_VERSION'].some(isSecretVariableName)).toBe(false);
    expect(rules('FROM alpine:3.18\nARG NPM_TOKEN\nENV DB_PASSWORD=x\n')).toEqual(['SecretsUsedInArgOrEnv', 'SecretsUsedInArgOrEnv']);
  });
  test('shell splitting for the rules', () => {
    expect(splitCommands('DEBIAN_FRONTEND=noninteractive apt-get update && \\\n  sudo apt-get install -y "a b" ; rm -rf /x | tee y')).toEqual([
      ['apt-get', 'update'], ['apt-get', 'install', '-y', 'a b'], ['rm', '-rf', '/x'], ['tee', 'y'],
    ]);
  });
});

describe('measured effects from a build', () => {
  test('apt lists bytes, cleanup that saves nothing, layer count', () => {
    const lists = layerFromEntries([{ kind: 'file', path: 'var/lib/apt/lists/archive_Packages', content: zeroContent(44_500_000) }]);
    const tools = layerFromEntries([{ kind: 'file', path: 'usr/bin/gcc', content: zeroContent(300_000_000) }, { kind: 'file', path: 'var/cache/apt/archives/gcc.deb', content: zeroContent(50_000_000) }]);
    const clean = layerFromEntries([{ kind: 'whiteout', path: 'var/cache/apt/archives/gcc.deb' }]);
    const a = adviseDockerfile(S.aptBad, { build: { steps: [{ line: 2, layer: lists }, { line: 3, layer: tools }, { line: 4, layer: clean }] } });
    expect(a.byRule('DL3009')[0]!.effect).toEqual({ bytes: 44_500_000, note: '2번째 줄의 레이어에 /var/lib/apt/lists 44.5MB가 남음' });
    expect(a.byRule('LL2002')[0]!.effect).toEqual({ bytes: 50_000_000, note: '지운 파일 50MB가 앞 레이어에 그대로 남음 (이 레이어는 0B)' });
    expect(a.byRule('DL3059')[0]!.effect).toMatchObject({ layers: 2, bytes: 50_000_000 });
    expect(a.byRule('LL6001')[0]!.effect?.bytes).toBe(350_000_000);
  });
  test('cache misses after a source edit, and a secret still inside its layer', () => {
    const a = adviseDockerfile(S.nodeBad, { rebuild: { steps: [{ line: 3, cached: false, seconds: 0.2 }, { line: 4, cached: false, seconds: 45 }] } });
    expect(a.byRule('LL3001')[0]!.effect).toEqual({ cacheMisses: 2, seconds: 45.2, note: '소스 파일 하나를 고친 뒤 다시 빌드: 2단계가 다시 실행됨 (45.2초)' });
    const key = layerFromEntries([{ kind: 'file', path: 'tmp/secret.key', content: 'PRIVATE' }]);
    const rm = layerFromEntries([{ kind: 'whiteout', path: 'tmp/secret.key' }]);
    const s = adviseDockerfile(S.secretBad, { build: { steps: [{ line: 2, layer: key }, { line: 4, layer: rm }] } });
    expect(s.byRule('LL4001')[0]!.effect).toEqual({ bytes: 7, note: '레이어 안에 그대로 있음: /tmp/secret.key (레이어 1)' });
  });
  test('the report shows as an HTML table with Korean text', () => {
    const html = adviseDockerfile(S.aptBad).html();
    expect(html).toContain('<th style="text-align: left; padding: 4px 10px; border-bottom: 2px solid #afb8c1; white-space: nowrap;">측정된 영향</th>');
    expect(html).toContain('apt-get update만 따로 있는 RUN');
    expect((html.match(/<tr>/g) ?? []).length).toBe(1 + 5);
  });
});
