/**
 * Row 1 — hashing: `Content.digest()` of a 256 MiB lazy seeded-random file (the AES-CTR stream is
 * generated and fed to SHA-256 1 MiB at a time) against `sha256sum` over the same bytes written to
 * disk (read back from the page cache). The CPU's own limit is `openssl speed sha256` over 1 MiB
 * blocks; the zero-filled variant shows our pure hashing cost against it (no bytes to generate).
 */
import { join } from 'node:path';
import { randomContent, zeroContent } from '../../../kernel-lib/src/content';
import type { BenchRow } from '../harness/BenchRow';
import type { BenchContext, BenchSection, SectionResult } from '../harness/BenchSection';
import { opensslSha256BytesPerSecond } from '../harness/machine';
import { sideBySide, timeCommand, timeSync, repeat } from '../harness/measure';
import { writeChunks } from '../harness/writeChunks';

const SIZE = 256 << 20;
const SEED = 'layerlab-bench-hash';

export const hashingSection: BenchSection = {
  name: 'hashing',
  title: 'hashing (256 MiB)',
  async run(context: BenchContext): Promise<SectionResult> {
    const file = join(context.workDir, 'hash-256MiB.bin');
    writeChunks(file, randomContent(SIZE, SEED).chunks());
    const expected = randomContent(SIZE, SEED).digest();

    let checked = true;
    const { ours, reference } = sideBySide(
      context.reps,
      // A new Content each time: a content caches its digest once computed.
      () => timeSync(() => randomContent(SIZE, SEED).digest()),
      () => {
        const run = timeCommand(`sha256sum ${JSON.stringify(file)}`);
        if (`sha256:${run.stdout.split(/\s/)[0]}` !== expected) checked = false;
        return run;
      },
    );
    const zeros = repeat(context.reps, () => timeSync(() => zeroContent(SIZE).digest()));
    const bytesPerSecond = opensslSha256BytesPerSecond();
    const limitMs = (SIZE / bytesPerSecond) * 1000;
    const limit = { value: limitMs, unit: 'ms', cpuMs: limitMs, label: 'openssl' } as const;

    const rows: BenchRow[] = [
      {
        section: 'hashing',
        what: 'sha256 of a 256 MiB lazy random file',
        ours: { value: ours.wallMs, unit: 'ms', cpuMs: ours.cpuMs },
        reference: { value: reference.wallMs, unit: 'ms', cpuMs: reference.cpuMs, label: 'sha256sum' },
        target: { kind: 'ratio', max: 1.25 },
        ...(checked ? {} : { error: 'sha256sum printed a different digest than ours' }),
        whyMissed: 'SHA-256 runs in OpenSSL either way; a miss means the stream (AES-CTR generation, chunk copies) costs more than reading the file',
        note: 'coreutils 9.1 sha256sum has no SHA-NI code path; openssl and Node do, so ours can beat it',
      },
      {
        section: 'hashing',
        what: 'sha256 of 256 MiB lazy random vs the CPU limit',
        ours: { value: ours.wallMs, unit: 'ms', cpuMs: ours.cpuMs },
        reference: limit,
        target: { kind: 'none' },
        note: `openssl speed: ${(bytesPerSecond / 1e6).toFixed(0)} MB/s (user CPU time), i.e. ${limitMs.toFixed(0)} ms for 256 MiB; compare the cpu ratio — random content also pays for AES-CTR`,
      },
      {
        section: 'hashing',
        what: 'sha256 of 256 MiB lazy zeros vs the CPU limit',
        ours: { value: zeros.wallMs, unit: 'ms', cpuMs: zeros.cpuMs },
        reference: limit,
        target: { kind: 'none' },
      },
    ];
    return { rows, details: { bytes: SIZE, digest: expected, ours, reference, zeros, opensslBytesPerSecond: bytesPerSecond } };
  },
};
