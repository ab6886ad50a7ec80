import { describe, expect, it } from 'vitest';
import type { DocumentsById } from '../../../renderer/src/core/workshops/workshopModel';
import {
  bundledView,
  findWorkshop,
  keyFigures,
  slideSourceFinder,
  userView,
} from '../../../renderer/src/core/workshops/workshopModel';
import {
  createWorkshop,
  duplicateBundledWorkshop,
} from '../../../renderer/src/core/workshops/workshopOperations';
import { emptyWorkshopsDatabase } from '../../../renderer/src/core/workshops/schema';
import { CORPUS_TIMEOUT, realCorpus } from '../planner/helpers';
import { bundledWorkshops, docId } from './helpers';

async function library(): Promise<DocumentsById> {
  const { documents } = await realCorpus();
  return new Map(documents.map((d) => [d.id, d]));
}

describe('workshop views', () => {
  it(
    'shows a bundled workshop read-only, its blocks keyed by position',
    async () => {
      const [bundled] = await bundledWorkshops();
      if (!bundled) throw new Error('The library has no workshop.');
      const view = bundledView(bundled);
      expect(view).toMatchObject({
        id: bundled.id,
        ref: { kind: 'bundled', docId: bundled.id },
        title: bundled.title,
        user: null,
        bundled,
        startTime: null,
      });
      expect(view.blocks.map((b) => b.key)).toEqual(bundled.blocks.map((_, i) => String(i)));
    },
    CORPUS_TIMEOUT,
  );

  it(
    'shows a user workshop as editable, its blocks keyed by their stable ids',
    async () => {
      const [bundled] = await bundledWorkshops();
      if (!bundled) throw new Error('The library has no workshop.');
      const { workshop } = duplicateBundledWorkshop(
        emptyWorkshopsDatabase(),
        bundled,
        (title) => `${title} (copy)`,
      );
      const view = userView(workshop);
      expect(view).toMatchObject({ id: workshop.id, ref: { kind: 'user', id: workshop.id } });
      expect(view.user).toBe(workshop);
      expect(view.bundled).toBeNull();
      expect(view.blocks.map((b) => b.key)).toEqual(workshop.blocks.map((b) => b.id));
    },
    CORPUS_TIMEOUT,
  );

  it(
    'finds the user’s own workshop first, then a bundled one, and nothing for other documents',
    async () => {
      const documents = await library();
      const [bundled] = await bundledWorkshops();
      if (!bundled) throw new Error('The library has no workshop.');
      const { db, workshop } = createWorkshop(emptyWorkshopsDatabase(), { title: 'Our own' });
      expect(findWorkshop(workshop.id, db, documents)?.user).toEqual(workshop);
      expect(findWorkshop(bundled.id, db, documents)?.bundled?.id).toBe(bundled.id);
      const notAWorkshop = [...documents.values()].find((d) => d.type !== 'workshop');
      expect(notAWorkshop).toBeDefined();
      expect(findWorkshop(notAWorkshop?.id ?? '', db, documents)).toBeNull();
      expect(findWorkshop('no-such-workshop', db, documents)).toBeNull();
    },
    CORPUS_TIMEOUT,
  );

  it(
    'gives slides a document’s id, title, summary, body and curated bullets, and nothing for an unknown id',
    async () => {
      const documents = await library();
      const find = slideSourceFinder(documents);
      const glossary = [...documents.values()].find((d) => d.type === 'glossary');
      if (!glossary) throw new Error('The library has no glossary term.');
      const { id, title, summary, body } = glossary;
      expect(find(glossary.id)).toEqual({
        id,
        title,
        summary,
        body,
        ...(glossary.slides ? { bullets: glossary.slides } : {}),
      });
      expect(find(docId('no-such-document'))).toBeUndefined();
    },
    CORPUS_TIMEOUT,
  );

  it(
    'gives a case study’s population and years as figures, each with the source front matter names',
    async () => {
      const documents = await library();
      const source = slideSourceFinder(documents)(docId('case-middlesex-centre-e-permitting'));
      expect(source?.figures).toEqual([
        { kind: 'population', population: 17262, censusYear: 2016, source: 'Wikipedia' },
        { kind: 'years', years: '2019-2021', source: 'Municipal World' },
      ]);
      // Every case study's figures name a source; a figure without one is left out.
      for (const doc of documents.values()) {
        if (doc.type !== 'case-study') continue;
        const figures = keyFigures(doc);
        expect(figures.every((f) => f.source !== '')).toBe(true);
        expect(figures.some((f) => f.kind === 'population')).toBe(
          doc.municipality.population !== undefined,
        );
        expect(figures.some((f) => f.kind === 'years')).toBe(doc.years !== undefined);
      }
    },
    CORPUS_TIMEOUT,
  );
});
