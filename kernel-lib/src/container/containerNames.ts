/**
 * Container IDs and the names docker gives containers that were not named.
 *
 * An ID is 64 hex digits (moby pkg/stringid: 32 random bytes), shown as its first 12. The model
 * derives it from the engine's container counter through SHA-256, so the same notebook gives the
 * same IDs on every machine (STYLE.md 6).
 *
 * A generated name is "<adjective>_<surname>" as moby's pkg/namesgenerator makes it (a left word,
 * an underscore, a notable scientist or hacker); the words are picked from the ID's bytes instead of
 * a random source. Like namesgenerator, the model never makes "boring_wozniak".
 */
import { sha256 } from '../digest/sha256';

/** The full 64-hex ID of the `counter`-th container an engine creates. */
export function containerIdFor(counter: number, salt = ''): string {
  return sha256(`layerlab container ${counter}${salt === '' ? '' : ` ${salt}`}`).slice('sha256:'.length);
}

// Our own short lists (namesgenerator has ~100 adjectives and ~240 surnames).
const LEFT = [
  'admiring', 'brave', 'clever', 'compassionate', 'determined', 'eager', 'ecstatic', 'elegant',
  'festive', 'focused', 'friendly', 'gifted', 'happy', 'hopeful', 'jolly', 'keen', 'kind',
  'laughing', 'loving', 'modest', 'nifty', 'optimistic', 'peaceful', 'quirky', 'relaxed',
  'serene', 'sharp', 'stoic', 'sweet', 'tender', 'trusting', 'upbeat', 'vibrant', 'wizardly',
  'youthful', 'zealous', 'boring', 'affectionate', 'busy', 'charming',
] as const;

const RIGHT = [
  'albattani', 'babbage', 'bardeen', 'bohr', 'cerf', 'curie', 'darwin', 'dijkstra', 'einstein',
  'euclid', 'fermat', 'franklin', 'galileo', 'goldberg', 'hamilton', 'hopper', 'hypatia',
  'johnson', 'kepler', 'knuth', 'lamport', 'lovelace', 'mayer', 'mccarthy', 'noether', 'pasteur',
  'raman', 'ritchie', 'shannon', 'shockley', 'thompson', 'tesla', 'torvalds', 'turing', 'wiles',
  'wozniak', 'yonath', 'zhukovsky', 'hawking', 'meitner',
] as const;

/**
 * The generated name for a container ID (`retry` > 0 when the first is taken, as moby appends a
 * digit after a collision).
 */
export function generatedContainerName(id: string, retry = 0): string {
  const byte = (i: number) => parseInt(id.slice(2 * i, 2 * i + 2), 16) || 0;
  let left: string = LEFT[byte(0) % LEFT.length]!;
  const right: string = RIGHT[byte(1) % RIGHT.length]!;
  if (left === 'boring' && right === 'wozniak') left = LEFT[(byte(0) + 1) % LEFT.length]!; // Steve Wozniak is not boring
  const name = `${left}_${right}`;
  return retry > 0 ? `${name}${retry}` : name;
}

/** moby daemon/names.go: `^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$`. */
export function isValidContainerName(name: string): boolean {
  return /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name);
}
