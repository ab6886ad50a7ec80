/**
 * Colours are tokens (theme.css explains the scheme): the only colour values in the renderer's
 * stylesheets are the `--onmuni-*` token definitions at the top of theme.css, and every colour
 * token a stylesheet uses exists, either in the Ontario Design System's tokens or in that block.
 * A misspelt token would otherwise fail silently (the property falls back to its initial value).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const rendererSrc = join(root, 'renderer', 'src');
const themePath = join(rendererSrc, 'ui', 'styles', 'theme.css');
const designTokensPath = createRequire(import.meta.url).resolve(
  '@ongov/ontario-design-system-design-tokens/dist/css/_variables.css',
);

const participantSheetPath = join(rendererSrc, 'room', 'room.css');

/** True for a `--name: value;` line inside the sheet's first block, which must be `:root`. */
function isPaletteLine(index: number, lines: readonly string[]): boolean {
  const open = lines.findIndex((line) => line.trim() === ':root {');
  const close = lines.findIndex((line, i) => i > open && line.trim() === '}');
  return (
    open >= 0 && index > open && index < close && /^\s*--[a-z-]+:\s*[^;]+;/.test(lines[index] ?? '')
  );
}

/** A hex colour, or an rgb()/hsl()-family function. */
const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/gi;
/** A definition of one of our own tokens: `--onmuni-name: value;`. */
const ONMUNI_DEFINITION = /^\s*(--onmuni-[a-z0-9-]+):\s*[^;]+;/;

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** CSS without its comments, line breaks kept so line numbers still match. */
function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** The custom properties a stylesheet defines (`--name:` at the start of a declaration). */
function definedProperties(css: string): Set<string> {
  return new Set(
    [...withoutComments(css).matchAll(/(?:^|[{;\s])(--[a-z0-9-]+)\s*:/g)].map((m) => m[1] ?? ''),
  );
}

const sheets = cssFiles(rendererSrc).map((path) => ({
  name: relative(root, path),
  lines: withoutComments(readFileSync(path, 'utf8')).split('\n'),
}));

describe('colour tokens', () => {
  it('finds the stylesheets, theme.css among them', () => {
    expect(sheets.map((sheet) => sheet.name)).toContain(relative(root, themePath));
    expect(sheets.length).toBeGreaterThan(5);
  });

  it('writes colour values only as --onmuni-* definitions in theme.css', () => {
    const stray = sheets.flatMap(({ name, lines }) =>
      lines.flatMap((line, index) => {
        if (!line.match(COLOUR_LITERAL)) return [];
        if (name === relative(root, themePath) && ONMUNI_DEFINITION.test(line)) return [];
        // The workshop room's participant page is a standalone page for phones: it loads none of
        // the app's stylesheets, so its small palette is defined once, at the top of its sheet.
        if (name === relative(root, participantSheetPath) && isPaletteLine(index, lines)) return [];
        return [`${name}:${index + 1}: ${line.trim()}`];
      }),
    );
    expect(stray).toEqual([]);
  });

  it('uses only colour tokens that are defined', () => {
    const defined = new Set([
      ...definedProperties(readFileSync(designTokensPath, 'utf8')),
      ...definedProperties(readFileSync(themePath, 'utf8')),
    ]);
    const used = sheets.flatMap(({ name, lines }) =>
      lines.flatMap((line, index) =>
        [...line.matchAll(/var\(\s*(--(?:ontario-colour|onmuni)-[a-z0-9-]+)/g)].map((m) => ({
          token: m[1] ?? '',
          where: `${name}:${index + 1}`,
        })),
      ),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter(({ token }) => !defined.has(token))).toEqual([]);
  });
});
