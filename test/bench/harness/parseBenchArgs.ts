/** `npm run bench -- [--only a,b] [--skip a,b] [--reps N]` → which sections run, and how often. */

export interface BenchArgs {
  /** Section names to run, in the harness's order. */
  readonly sections: readonly string[];
  readonly reps: number;
}

export function parseBenchArgs(argv: readonly string[], known: readonly string[]): BenchArgs {
  let only: string[] | undefined;
  let skip: string[] = [];
  let reps = 3;
  const names = (value: string | undefined, flag: string): string[] => {
    const list = (value ?? '').split(',').filter(Boolean);
    const unknown = list.filter((n) => !known.includes(n));
    if (list.length === 0 || unknown.length > 0) {
      throw new Error(`${flag} takes a comma-separated list of: ${known.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
    }
    return list;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') only = names(argv[++i], '--only');
    else if (arg === '--skip') skip = names(argv[++i], '--skip');
    else if (arg === '--reps') {
      reps = Number(argv[++i]);
      if (!Number.isInteger(reps) || reps < 1) throw new Error('--reps takes a whole number ≥ 1, e.g. --reps 5');
    } else throw new Error(`unknown argument ${arg}; use --only, --skip or --reps`);
  }
  return { sections: known.filter((n) => (only === undefined || only.includes(n)) && !skip.includes(n)), reps };
}
