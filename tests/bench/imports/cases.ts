/**
 * The files the import benchmark feeds to the app: every hostile file at full scale from the
 * shared generator, written to a temporary folder so Chromium reads them from disk through the
 * real file inputs (as a person choosing a file does), without copying 20 MB through DevTools.
 */
import { writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  hostileAnnotationFiles,
  hostilePlannerFiles,
  type HostileFile,
} from '../../fixtures/hostileFiles';
import { within } from './bounded';
import { ANNOTATED_DOC_ID, IMPORTERS, type Importer } from './importers';
import { storableVariant } from './storableVariants';

/** One file to import, on disk. */
export interface ImportCase {
  importer: Importer;
  name: string;
  description: string;
  expect: HostileFile['expect'];
  path: string;
  bytes: number;
}

/** The file name to write: the generator's name made safe, with the importer's extension. */
function fileNameFor(file: HostileFile, index: number, importer: Importer): string {
  const safe = file.name.replace(/[^a-z0-9._-]+/gi, '-').replace(/^-+|-+$/g, '') || 'file';
  const named = extname(safe) === '' ? `${safe}${importer.extension}` : safe;
  return `${String(index).padStart(2, '0')}-${named}`;
}

function writeAll(files: readonly HostileFile[], folder: string, offset: number): ImportCase[] {
  return files.map((file, index) => {
    const importer = IMPORTERS[file.kind];
    const path = join(folder, fileNameFor(file, offset + index, importer));
    writeFileSync(path, file.text, 'utf8');
    return {
      importer,
      name: file.name,
      description: file.description,
      expect: file.expect,
      path,
      bytes: Buffer.byteLength(file.text, 'utf8'),
    };
  });
}

/**
 * The text the reader shows for the annotated document: near-miss quotes are built from it, so
 * they land on text the app really compares them with.
 */
export async function readDocumentText(browser: Browser, baseURL: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(`${baseURL}#/doc/${ANNOTATED_DOC_ID}`, { waitUntil: 'load' });
    const body = page.locator('.reader-body');
    const text = await within(
      30_000,
      body.evaluate((element) => element.textContent ?? ''),
    );
    if (!text.ok || text.value.length === 0) {
      throw new Error(
        `Could not read the text of ${ANNOTATED_DOC_ID} in the reader (${text.ok ? 'empty' : text.reason}).`,
      );
    }
    return text.value;
  } finally {
    await page.close();
  }
}

/** The files, each followed by its cut to browser storage when it has one. */
function withStorableVariants(files: readonly HostileFile[]): HostileFile[] {
  return files.flatMap((file) => {
    const storable = storableVariant(file);
    return storable ? [file, storable] : [file];
  });
}

/**
 * Writes every full-scale hostile file (and the storable cut of each accepted one) into
 * `folder`. Generated one importer at a time and dropped once written, so at most one
 * importer's files are in memory at once.
 */
export function writeImportCases(folder: string, documentText: string): ImportCase[] {
  const planner = writeAll(withStorableVariants(hostilePlannerFiles('full')), folder, 0);
  const annotations = writeAll(
    withStorableVariants(hostileAnnotationFiles('full', documentText, ANNOTATED_DOC_ID)),
    folder,
    planner.length,
  );
  return [...planner, ...annotations];
}
