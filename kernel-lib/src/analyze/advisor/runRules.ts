import type { CopyInstruction, RunInstruction } from '../../dockerfile/instructions';
import type { Finding } from './Finding';
import type { LintRule } from './RuleContext';
import { commandsOf } from './shellCommands';

/**
 * hadolint DL3059: a RUN directly after another RUN (comments between do not count) with the same
 * flags, both short (≤ 2 commands). Each makes a layer; merging saves layers and lets a later
 * command delete what an earlier one created before it is stored — but a merged RUN reruns whole
 * when any part changes (coarser cache), so merge what changes together.
 */
export const consecutiveRunRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    let prev: RunInstruction | undefined;
    for (const i of s.instructions) {
      if (i.kind !== 'RUN') { prev = undefined; continue; }
      if (prev && prev.flags.join(' ') === i.flags.join(' ') && commandsOf(prev).length <= 2 && commandsOf(i).length <= 2) {
        out.push({
          rule: 'DL3059', source: 'hadolint', severity: 'info', lines: [prev.startLine, i.startLine],
          title: 'RUN이 연달아 있음 (합칠 수 있음)',
          explanation: 'RUN마다 레이어가 하나씩 생깁니다. 앞 RUN이 만든 임시 파일을 뒤 RUN에서 지워도 앞 레이어에는 남습니다. 다만 합친 RUN은 그중 하나만 바뀌어도 통째로 다시 실행되므로, 함께 바뀌는 명령끼리 합치세요.',
          fix: '`&&`로 이어 한 RUN으로 합치세요: `RUN a && b`',
        });
      }
      prev = i;
    }
  }
  // One finding per chain: keep the first line of each run of consecutive RUNs together.
  const merged: Finding[] = [];
  for (const f of out) {
    const last = merged[merged.length - 1];
    if (last && last.lines[last.lines.length - 1] === f.lines[0]) merged[merged.length - 1] = { ...last, lines: [...last.lines, f.lines[1]!] };
    else merged.push(f);
  }
  return merged;
};

const CLEANUP = (c: readonly string[]): boolean =>
  (c[0] === 'rm') || (['apt-get', 'apt', 'yum', 'dnf', 'apk'].includes(c[0] ?? '') && (c[1] === 'clean' || c.includes('autoremove'))) ||
  (c[0] === 'npm' && c[1] === 'cache' && c[2] === 'clean') || (c[0] === 'yarn' && c[1] === 'cache' && c[2] === 'clean');

/**
 * A RUN that only deletes or cleans (rm, apt-get clean …) after an earlier RUN: the deleted files
 * are hidden by whiteouts but still stored in the earlier layers — the image does not shrink
 * (seed 002 scenario 3: "RUN apt-get clean # 효과 없음"; anti-pattern 3: `RUN rm /tmp/secret.key`).
 */
export const cleanupInLaterLayerRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    let sawLayer = false;
    for (const i of s.instructions) {
      if (i.kind === 'RUN') {
        const cmds = commandsOf(i);
        if (sawLayer && cmds.length > 0 && cmds.every(CLEANUP)) {
          out.push({
            rule: 'LL2002', source: 'layerlab', severity: 'warning', lines: [i.startLine],
            title: '지우기만 하는 RUN (이미지가 줄지 않음)',
            explanation: '레이어는 바뀌지 않습니다. 이 RUN은 지운 파일 위에 "삭제 표시(whiteout)"만 얹을 뿐, 파일을 만든 앞 레이어에는 바이트가 그대로 남아 이미지 크기도 그대로입니다. 비밀 파일이라면 docker save로 꺼낼 수도 있습니다.',
            fix: '파일을 만든 바로 그 RUN 안에서 지우세요 (`… && rm -rf …`). 빌드에만 필요한 파일은 멀티 스테이지나 RUN --mount로 레이어 밖에 두세요.',
          });
        }
      }
      if (i.kind === 'RUN' || i.kind === 'COPY' || i.kind === 'ADD') sawLayer = true;
    }
  }
  return out;
};

/** `COPY x` then `RUN chmod … x`: the file is stored twice (COVERAGE 03.21); `COPY --chmod` stores it once. */
export const chmodAfterCopyRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    let lastCopy: CopyInstruction | undefined;
    for (const i of s.instructions) {
      if (i.kind === 'COPY' || i.kind === 'ADD') { lastCopy = i; continue; }
      if (i.kind !== 'RUN') continue;
      const cmds = commandsOf(i);
      if (lastCopy && cmds.length === 1 && (cmds[0]![0] === 'chmod' || cmds[0]![0] === 'chown')) {
        const dest = lastCopy.dest.replace(/\/+$/, '');
        const srcNames = lastCopy.sources.map((x) => x.replace(/\/+$/, '').split('/').pop() ?? '');
        // chmod/chown MODE|OWNER TARGET…: the first non-option word is the mode or owner.
        const targets = cmds[0]!.slice(1).filter((w) => !w.startsWith('-')).slice(1).map((t) => t.replace(/\/+$/, ''));
        if (targets.some((t) => t === dest || t.startsWith(dest + '/') || srcNames.includes(t.split('/').pop() ?? ''))) {
          const flag = cmds[0]![0] === 'chmod' ? '--chmod' : '--chown';
          out.push({
            rule: 'LL2003', source: 'layerlab', severity: 'info', lines: [lastCopy.startLine, i.startLine],
            title: `COPY 뒤의 ${cmds[0]![0]} (파일이 두 번 저장됨)`,
            explanation: `${cmds[0]![0]}는 파일 내용을 바꾸지 않아도 파일 전체를 새 레이어로 복사합니다(copy-up). 같은 파일이 COPY 레이어와 이 RUN 레이어에 두 번 들어갑니다.`,
            fix: `COPY에 권한을 바로 주세요: \`${lastCopy.kind} ${flag}=… ${lastCopy.sourceArgs.join(' ')} ${lastCopy.dest}\``,
          });
        }
      }
      lastCopy = undefined;
    }
  }
  return out;
};
