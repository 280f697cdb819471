/**
 * Run in its own process by the unionfs section, so that its peak RSS is the model's alone:
 * a 1 GiB lazy file in a lower layer is copied up by an append (overlayfs copies the whole file up
 * on the first write), then the container's upper is committed — its tar streamed through SHA-256
 * for the diffID, which reads every one of the 1 GiB bytes. Prints one JSON line.
 */
import { randomContent } from '../../../kernel-lib/src/content';
import { layerFromEntries } from '../../../kernel-lib/src/layer';
import { UnionFs } from '../../../kernel-lib/src/unionfs';

const GiB = 1 << 30;
const rssMb = (): number => process.resourceUsage().maxRSS / 1024;
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const baselineRssMb = rssMb();
const base = layerFromEntries([{ kind: 'file', path: 'data/big.bin', content: randomContent(GiB, 'layerlab-bench-copy-up') }]);
const fs = new UnionFs({ layers: [base] });

let t0 = performance.now();
let c0 = cpuMs();
fs.appendFile('/data/big.bin', 'one more line\n');
const copyUp = { wallMs: performance.now() - t0, cpuMs: cpuMs() - c0, peakRssMb: rssMb(), copiedUpBytes: fs.copiedUpBytes };

t0 = performance.now();
c0 = cpuMs();
const diffId = fs.upperAsLayer().diffId;
const commit = { wallMs: performance.now() - t0, cpuMs: cpuMs() - c0, peakRssMb: rssMb(), diffId };

process.stdout.write(`${JSON.stringify({ baselineRssMb, copyUp, commit })}\n`);
