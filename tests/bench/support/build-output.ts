import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, rendererOutDir } from '../../../build/scripts/serve';

/** Builds the renderer if it has never been built and says which build is being measured. */
export function readBuiltIndexHtml(): string {
  ensureBuilt();
  const html = join(rendererOutDir, 'index.html');
  console.log(
    `bench: measuring the build in ${rendererOutDir} (${statSync(html).mtime.toISOString()})`,
  );
  return readFileSync(html, 'utf8');
}

/** The attribute values of tags in an HTML page that match a filter, in document order. */
export function attributesOf(
  html: string,
  tagName: string,
  attribute: string,
  filter: (tag: string) => boolean = () => true,
): string[] {
  const values: string[] = [];
  for (const match of html.matchAll(new RegExp(`<${tagName}\\b[^>]*>`, 'gi'))) {
    const tag = match[0];
    if (!filter(tag)) continue;
    const value = new RegExp(
      `\\s${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`,
      'i',
    ).exec(tag);
    const found = value?.[1] ?? value?.[2] ?? value?.[3];
    if (found !== undefined) values.push(found);
  }
  return values;
}
