import { SEMVER_PATTERN } from './manifest';

/**
 * Orders two semantic versions by the precedence rules of Semantic Versioning 2.0.0 (section 11):
 * major, minor and patch as numbers; a pre-release sorts before its release; pre-release
 * identifiers compare one by one, numbers numerically and below words; build metadata is
 * ignored. Negative when `a` comes first, positive when `b` does, 0 when they rank equal.
 * Throws on a string that is not a version (callers pass validated versions).
 */
export function compareSemver(a: string, b: string): number {
  const [left, right] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) {
    const difference = (left.core[i] ?? 0) - (right.core[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  // A version without pre-release ranks above one with it.
  if (left.pre.length === 0 || right.pre.length === 0)
    return Math.sign(right.pre.length - left.pre.length);
  for (let i = 0; i < Math.max(left.pre.length, right.pre.length); i++) {
    const [x, y] = [left.pre[i], right.pre[i]];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifier(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

function parse(version: string): { core: number[]; pre: string[] } {
  const match = SEMVER_PATTERN.exec(version);
  if (!match) throw new Error(`not a semantic version: ${JSON.stringify(version)}`);
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    pre: match[4] === undefined ? [] : match[4].split('.'),
  };
}

const NUMERIC = /^\d+$/;

function compareIdentifier(x: string, y: string): number {
  const [xNumber, yNumber] = [NUMERIC.test(x), NUMERIC.test(y)];
  if (xNumber && yNumber) return Math.sign(Number(x) - Number(y));
  if (xNumber !== yNumber) return xNumber ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
