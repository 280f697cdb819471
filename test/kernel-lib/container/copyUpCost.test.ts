import { describe, expect, it } from 'vitest';
import { COPY_UP_BYTES_PER_SECOND, COPY_UP_FIXED_SECONDS, copyUpSeconds, firstWriteCosts } from '../../../kernel-lib/src/container';
import { engineWithApp } from './containerFixture';

describe('copy-up cost model', () => {
  it('is a fixed cost plus the bytes at the measured rate', () => {
    expect([COPY_UP_FIXED_SECONDS, COPY_UP_BYTES_PER_SECOND]).toEqual([0.07, 500e6]);
    expect(copyUpSeconds(0)).toBe(0.07);
    expect(copyUpSeconds(1 << 30)).toBeCloseTo(2.217, 3); // measured here: 2.14–2.16 s for 1 GiB
    expect(() => copyUpSeconds(-1)).toThrow(RangeError);
    expect(firstWriteCosts([0, 1e6, 100e6])).toEqual([
      { bytes: 0, lowerFileSeconds: 0.07, containerFileSeconds: 0 },
      { bytes: 1e6, lowerFileSeconds: 0.072, containerFileSeconds: 0 },
      { bytes: 100e6, lowerFileSeconds: 0.27, containerFileSeconds: 0 },
    ]);
  });

  it('exec reports it: the first append to an 8 MiB image file copies it up, the second and a container file cost nothing', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    const first = c.exec('echo x >> /var/big.bin');
    expect([first.copiedUpBytes, first.copyUpSeconds]).toEqual([8 << 20, Math.round(copyUpSeconds(8 << 20) * 1000) / 1000]);
    expect(first.seconds).toBe(first.copyUpSeconds);
    const again = c.exec('echo y >> /var/big.bin');
    expect([again.copiedUpBytes, again.copyUpSeconds]).toEqual([0, 0]);
    c.exec('dd if=/dev/zero of=/tmp/own.bin bs=1M count=8 2>/dev/null');
    expect(c.exec('echo z >> /tmp/own.bin').copyUpSeconds).toBe(0);
  });

  it('`>` (O_TRUNC) on an image file copies up no data; chmod copies all of it', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    expect(c.exec('echo small > /var/big.bin').copiedUpBytes).toBe(0);
    const d = engine.run('app:1');
    expect(d.exec('chmod 600 /var/big.bin').copiedUpBytes).toBe(8 << 20);
  });

  it('moves the engine clock by the copy-up time', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    const t0 = engine.clock.now();
    c.exec('touch /var/big.bin');
    expect(engine.clock.now() - t0).toBe(Math.round(copyUpSeconds(8 << 20) * 1000));
  });
});
