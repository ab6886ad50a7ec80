import { bodyLanguageOf } from '../content/documentLanguage';
import type { ContentDocument } from '../content/model';
import type { DocId } from '../content/ids';
import type { UserWorkshopId } from './ids';
import type { UserWorkshop, WorkshopRef, WorkshopsDatabase } from './schema';
import type { BundledWorkshop } from './workshopOperations';
import type { SlideBlock, SlideFigure, SlideSource } from './slides';
import type { BlockQuestion } from './blockQuestions';

/** A block as every workshop screen shows it (bundled and user blocks both fit). */
export interface ViewBlock extends SlideBlock {
  /** Stable key for React: the user block's id, or the index of a bundled block. */
  key: string;
  materials: readonly string[];
  /** Questions for the room (issue 17), in the order the presenter offers them. */
  questions: readonly BlockQuestion[];
}

/** A workshop as the screens see it, whether bundled (read-only) or the user's own. */
export interface WorkshopView {
  /** The id in the address: a bundled workshop's document id or a user workshop's id. */
  id: string;
  ref: WorkshopRef;
  title: string;
  summary: string;
  audience: string;
  blocks: ViewBlock[];
  /** The length aimed for, or null. */
  targetMinutes: number | null;
  /** The stored start time (`HH:MM`), or null. */
  startTime: string | null;
  /** The user workshop, when it is one (then it can be edited). */
  user: UserWorkshop | null;
  /** The bundled workshop, when it is one (then it can be duplicated). */
  bundled: BundledWorkshop | null;
}

/** The documents a workshop screen needs, by id. */
export type DocumentsById = ReadonlyMap<string, ContentDocument>;

/** A bundled workshop document as a view. */
export function bundledView(doc: Extract<ContentDocument, { type: 'workshop' }>): WorkshopView {
  return {
    id: doc.id,
    ref: { kind: 'bundled', docId: doc.id },
    title: doc.title,
    summary: doc.summary,
    audience: doc.audience,
    blocks: doc.blocks.map((b, i) => ({ ...b, key: String(i) })),
    targetMinutes: doc.durationMinutes ?? null,
    startTime: null,
    user: null,
    bundled: doc,
  };
}

/** A user workshop as a view. */
export function userView(workshop: UserWorkshop): WorkshopView {
  return {
    id: workshop.id,
    ref: { kind: 'user', id: workshop.id },
    title: workshop.title,
    summary: workshop.summary,
    audience: workshop.audience,
    blocks: workshop.blocks.map((b) => ({ ...b, key: b.id })),
    targetMinutes: workshop.targetMinutes,
    startTime: workshop.startTime,
    user: workshop,
    bundled: null,
  };
}

/** Finds the workshop an address names: the user's own first, then the bundled ones. */
export function findWorkshop(
  id: string,
  db: WorkshopsDatabase,
  documents: DocumentsById,
): WorkshopView | null {
  const own = db.workshops.find((w) => w.id === (id as UserWorkshopId));
  if (own) return userView(own);
  const doc = documents.get(id);
  return doc?.type === 'workshop' ? bundledView(doc) : null;
}

/** The lookup `buildSlides` needs, over the loaded documents. */
export function slideSourceFinder(documents: DocumentsById) {
  return (id: DocId): SlideSource | undefined => {
    const doc = documents.get(id);
    if (!doc) return undefined;
    const source: SlideSource = {
      id: doc.id,
      title: doc.title,
      summary: doc.summary,
      body: doc.body,
    };
    if (doc.slides) source.bullets = doc.slides;
    const language = bodyLanguageOf(doc);
    if (language !== 'en') source.language = language;
    const figures = keyFigures(doc);
    if (figures.length > 0) source.figures = figures;
    return source;
  };
}

/**
 * A case study's figures that front matter ties to a source: the population with its census
 * year, and the years the work happened. The source is named by its publisher, else its title.
 */
export function keyFigures(doc: ContentDocument): SlideFigure[] {
  if (doc.type !== 'case-study') return [];
  const sourceName = (urls: string | readonly string[] | undefined): string | null => {
    const names = [urls ?? []]
      .flat()
      .map((url) => doc.sources.find((s) => s.url === url))
      .map((s) => s?.publisher ?? s?.title);
    if (names.length === 0 || names.some((n) => n === undefined)) return null;
    return [...new Set(names)].join('; ');
  };
  const figures: SlideFigure[] = [];
  const { population, censusYear, populationSource } = doc.municipality;
  const populationFrom = sourceName(populationSource);
  if (population !== undefined && censusYear !== undefined && populationFrom !== null)
    figures.push({ kind: 'population', population, censusYear, source: populationFrom });
  const yearsFrom = sourceName(doc.yearsSource);
  if (doc.years !== undefined && yearsFrom !== null)
    figures.push({ kind: 'years', years: doc.years, source: yearsFrom });
  return figures;
}
