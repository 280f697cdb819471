/**
 * chmod(1) modes: octal (`755`, `4755`) or symbolic (`u+x`, `go-w`, `a=rX`, `u=rwx,go=`) as POSIX
 * defines them: with no "who", `+`, `-` and `=` apply to all but the bits the umask hides (so
 * `chmod +w f` under umask 022 sets only u+w, as busybox does).
 */

const WHO_BITS: Readonly<Record<string, number>> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 };

/** The new mode, or undefined when `text` is not a valid mode. */
export function applyMode(text: string, current: number, isDir: boolean, umask = 0o022): number | undefined {
  if (/^[0-7]+$/.test(text)) {
    const v = parseInt(text, 8);
    return v > 0o7777 ? undefined : v;
  }
  let mode = current & 0o7777;
  for (const clause of text.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause);
    if (m === null) return undefined;
    const whoText = m[1] ?? '';
    let who = 0;
    for (const w of whoText) who |= WHO_BITS[w] as number;
    const implicit = whoText === '';
    if (implicit) who = 0o7777;
    const actions = (m[2] ?? '').match(/[-+=][^-+=]*/g) ?? [];
    for (const action of actions) {
      const op = action[0] as string;
      const permsText = action.slice(1);
      let perms = 0;
      if (/^[ugo]$/.test(permsText)) {
        // copy another class's bits: g=u
        const shift = permsText === 'u' ? 6 : permsText === 'g' ? 3 : 0;
        const bits = (mode >> shift) & 0o7;
        perms = bits * 0o111;
      } else {
        for (const p of permsText) {
          if (p === 'r') perms |= 0o444;
          else if (p === 'w') perms |= 0o222;
          else if (p === 'x') perms |= 0o111;
          else if (p === 'X') {
            if (isDir || (current & 0o111) !== 0) perms |= 0o111;
          } else if (p === 's') perms |= 0o6000;
          else if (p === 't') perms |= 0o1000;
        }
      }
      let mask = who & perms;
      if (implicit) mask &= ~umask;
      if (op === '+') mode |= mask;
      else if (op === '-') mode &= ~mask;
      else {
        // `=`: clear the who bits, then set the named ones.
        mode = (mode & ~who) | mask;
      }
    }
  }
  return mode;
}

/** `-rwxr-xr-x`, with s/S, t/T for setuid, setgid and sticky, as ls -l prints it. */
export function modeString(kind: 'file' | 'dir' | 'symlink', mode: number): string {
  const type = kind === 'dir' ? 'd' : kind === 'symlink' ? 'l' : '-';
  const bit = (mask: number, c: string): string => ((mode & mask) !== 0 ? c : '-');
  const special = (execMask: number, specialMask: number, on: string): string => {
    const x = (mode & execMask) !== 0;
    if ((mode & specialMask) === 0) return x ? 'x' : '-';
    return x ? on : on.toUpperCase();
  };
  return (
    type +
    bit(0o400, 'r') + bit(0o200, 'w') + special(0o100, 0o4000, 's') +
    bit(0o040, 'r') + bit(0o020, 'w') + special(0o010, 0o2000, 's') +
    bit(0o004, 'r') + bit(0o002, 'w') + special(0o001, 0o1000, 't')
  );
}
