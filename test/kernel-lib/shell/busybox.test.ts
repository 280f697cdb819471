/**
 * The simulated shell against the real busybox sh (Debian `busybox-static`, 1.35): the same script
 * in the same files must give the same stdout, stderr and exit status. Hand-written cases cover
 * each feature; generated scripts (seeded) combine them. A difference prints the script so it can
 * be replayed: `generateScript(seed)` from busyboxGenerator.ts.
 */
import { describe, expect, it } from 'vitest';
import { BUSYBOX_CASES } from './busyboxCases';
import { generateScript } from './busyboxGenerator';
import { compareWithBusybox, findBusybox } from './busyboxPeer';

const busybox = findBusybox();
if (busybox === undefined) {
  console.warn('busybox.test.ts skipped: no /bin/busybox (install Debian busybox-static: apt-get install -y busybox-static)');
}
const GENERATED = Number(process.env.LAYERLAB_SHELL_SEEDS ?? 300);

describe.skipIf(busybox === undefined)('the simulated shell agrees with busybox sh', () => {
  it.each(BUSYBOX_CASES.map((c) => [c]))('%j', (script) => {
    expect(compareWithBusybox(busybox as string, script)).toBeUndefined();
  });

  it(`agrees on ${GENERATED} generated scripts`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= GENERATED; seed++) {
      const d = compareWithBusybox(busybox as string, generateScript(seed));
      if (d !== undefined) failures.push(`seed ${seed} (replay: generateScript(${seed}))\n${d}`);
    }
    expect(failures.slice(0, 3).join('\n\n')).toBe('');
    expect(failures).toHaveLength(0);
  }, 600_000);
});
