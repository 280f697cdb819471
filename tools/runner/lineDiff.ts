/**
 * A small line diff (longest common subsequence) printed unified-style with a few lines of context:
 * enough to read what changed in an output, without pulling a diff library into the tools.
 */
export function lineDiff(expected: string, actual: string, context = 3): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  // Both ending in a newline is the common case: do not show the empty line after it.
  if (a.length > 1 && b.length > 1 && a[a.length - 1] === '' && b[b.length - 1] === '') {
    a.pop();
    b.pop();
  }
  // Outputs are small; bound the quadratic table anyway and fall back to a plain before/after.
  if (a.length * b.length > 4_000_000) return `- ${a.join('\n- ')}\n+ ${b.join('\n+ ')}`;
  const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const lines: { mark: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ mark: ' ', text: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      lines.push({ mark: '-', text: a[i++]! });
    } else {
      lines.push({ mark: '+', text: b[j++]! });
    }
  }
  const shown = lines.map((line, at) => line.mark !== ' ' || lines.slice(Math.max(0, at - context), at + context + 1).some((l) => l.mark !== ' '));
  const out: string[] = [];
  shown.forEach((show, at) => {
    if (show) out.push(`${lines[at]!.mark} ${lines[at]!.text}`);
    else if (at === 0 || shown[at - 1]) out.push('  …');
  });
  return out.join('\n');
}
