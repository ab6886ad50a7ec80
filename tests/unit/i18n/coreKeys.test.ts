import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/locales/en';
import { i18n } from '../../../renderer/src/ui/common/i18n/i18n';

const CORE = join(import.meta.dirname, '../../../renderer/src/core');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the keys core names', () => {
  // Core's message keys are plain strings (core cannot import the catalogue's types), so the
  // compiler does not check them: this does, for every key core writes out in full.
  const namespaces = Object.keys(en).join('|');
  const literalKey = new RegExp(`['"\`]((?:${namespaces}):[A-Za-z0-9_.-]+)['"\`]`, 'g');
  const named = sources(CORE).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(literalKey)].map((match) => ({
      file: file.slice(CORE.length + 1),
      key: match[1] ?? '',
    })),
  );

  it('finds the keys it checks', () => {
    expect(named.length).toBeGreaterThan(20);
  });

  it('has every one of them in the English catalogue', () => {
    const missing = named.filter(({ key }) => !i18n.exists(key) && !i18n.exists(`${key}_other`));
    expect(missing).toEqual([]);
  });
});
