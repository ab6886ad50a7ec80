/**
 * A small bilingual library for UI tests, served where the app fetches it (`./data/`): the
 * English files and the French ones the pipeline writes beside them (`catalog.fr.json`,
 * `documents.fr.json`). Only the network is replaced (jsdom has no app server); the files go
 * through the app's own parsers, overlay and rendering.
 */
import type { Language } from '../../../electron/shared/language';
import type { ContentDocument, CatalogEntry } from '../../../renderer/src/core/content/model';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import { App } from '../../../renderer/src/ui/app/App';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { SettingsProvider } from '../../../renderer/src/ui/settings/SettingsContext';
import { openSettingsSession } from '../../../renderer/src/ui/settings/settingsSession';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { renderSettled } from '../support/dom';
import type { Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import { analyzeBody } from '../../../renderer/src/core/content/bodyAnalysis';

export const VOCABULARY_EN: Vocabulary = {
  topics: { broadband: 'Broadband and connectivity', 'council-meetings': 'Paperless council' },
  regions: { east: 'Eastern Ontario' },
  tiers: { 'lower-tier': 'Lower-tier municipality' },
};

export const VOCABULARY_FR: Vocabulary = {
  topics: { broadband: 'Large bande et connectivité', 'council-meetings': 'Conseil sans papier' },
  regions: { east: "Est de l'Ontario" },
  tiers: { 'lower-tier': 'Municipalité de palier inférieur' },
};

const SOURCE = { title: 'Example source', url: 'https://example.org/source' };

type Doc = Record<string, unknown> & { id: string; type: string; title: string; body: string };

/** A stored document as the pipeline writes it: front matter, body, headings and plain text. */
function stored(doc: Doc): ContentDocument {
  const analysis = analyzeBody(doc.body);
  return {
    topics: ['broadband'],
    updated: '2026-12-06',
    sources: [SOURCE],
    related: [],
    backlinks: [],
    ...doc,
    // After the fields given: a version made from another (`...REC_EN`) has its own body's.
    path: `${doc.type}/${doc.id}.md`,
    headings: analysis.headings,
    plainText: analysis.plainText,
  } as unknown as ContentDocument;
}

const municipality = {
  name: 'Testville',
  tier: 'lower-tier',
  region: 'east',
  smallRuralNorthern: true,
};

export const REC_EN = stored({
  id: 'recommendation-9-broadband',
  type: 'recommendation',
  number: 9,
  title: 'Invest in broadband',
  summary: 'AMO asks for broadband. Councils can plan for it.',
  body: '## What AMO asks\n\nAMO said: "Broadband is essential." The CAO leads.\n\n## Why it matters\n\nAccess matters.\n',
});

export const REC_FR = stored({
  ...REC_EN,
  lang: 'fr',
  title: 'Investir dans la large bande',
  summary: "L'AMO demande la large bande. Les conseils peuvent s'y préparer.",
  body: `## Ce que demande l'AMO\n\nL'AMO a dit : ["Broadband is essential."]{lang=en} (traduction non officielle : « La large bande est essentielle. ») Le DG dirige.\n\n## Pourquoi c'est important\n\nL'accès compte.\n`,
});

export const CASE_EN = stored({
  id: 'case-testville-broadband',
  type: 'case-study',
  title: 'Testville builds a network',
  summary: 'Testville built a network. Homes got service.',
  topics: ['broadband'],
  municipality,
  body: '## Background\n\nTestville had slow service.\n\n## Results\n\nHomes got service.\n',
});

/** The French version made with `bodyFrom: en`: French title and summary, the English body. */
export const CASE_FR = stored({
  ...CASE_EN,
  lang: 'fr',
  bodyLang: 'en',
  title: 'Testville construit un réseau',
  summary: 'Testville a construit un réseau. Les foyers ont été desservis.',
});

/** A document with no French version yet: shown in English in the French interface. */
export const KEY_ISSUE_EN = stored({
  id: 'key-issue-connectivity',
  type: 'key-issue',
  title: 'Connectivity gaps',
  summary: 'Some areas lack service. It holds them back.',
  body: 'Some areas lack service.\n',
});

export const GLOSSARY_EN = stored({
  id: 'glossary-cao',
  type: 'glossary',
  title: 'CAO',
  term: 'CAO',
  aliases: ['Chief Administrative Officer'],
  summary: "The municipality's senior staff member. Reports to council.",
  body: 'The CAO runs the administration.\n',
});

export const GLOSSARY_FR = stored({
  ...GLOSSARY_EN,
  lang: 'fr',
  title: 'DG',
  term: 'DG',
  aliases: ['directeur général', 'CAO'],
  summary: 'Le plus haut fonctionnaire de la municipalité. Relève du conseil.',
  body: "Le DG dirige l'administration.\n",
});

function entry(doc: ContentDocument): CatalogEntry {
  const d = doc as ContentDocument & Partial<CatalogEntry>;
  return {
    id: d.id,
    type: d.type,
    title: d.title,
    summary: d.summary,
    topics: d.topics,
    updated: d.updated,
    ...(d.type === 'case-study'
      ? { municipality: { ...municipality, smallRuralNorthern: true }, populationBand: 'unknown' }
      : {}),
    ...(d.number === undefined ? {} : { number: d.number }),
    ...(d.term === undefined ? {} : { term: d.term }),
    ...(d.lang === undefined ? {} : { lang: d.lang }),
  };
}

const ENGLISH = [REC_EN, KEY_ISSUE_EN, CASE_EN, GLOSSARY_EN];
const FRENCH = [REC_FR, CASE_FR, GLOSSARY_FR];

/** The files of the bilingual library, by name; `french: false` leaves the French ones out. */
export function libraryFiles(french = true): Record<string, unknown> {
  const files: Record<string, unknown> = {
    'catalog.json': { version: 1, vocabulary: VOCABULARY_EN, entries: ENGLISH.map(entry) },
    'documents.json': { version: 1, documents: ENGLISH },
  };
  if (french) {
    files['catalog.fr.json'] = {
      version: 1,
      vocabulary: VOCABULARY_FR,
      entries: FRENCH.map(entry),
    };
    files['documents.fr.json'] = { version: 1, documents: FRENCH };
  }
  return files;
}

/** Serves `files` at `./data/<name>` (anything else is not found), and a wide screen's matchMedia. */
export function serveFiles(files: Record<string, unknown>): string[] {
  const fetched: string[] = [];
  window.matchMedia = (query: string) =>
    ({ matches: true, media: query, addEventListener() {}, removeEventListener() {} }) as never;
  globalThis.fetch = (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const name = url.replace(/^.*\//, '');
    fetched.push(name);
    const body = files[name];
    return Promise.resolve(
      body === undefined
        ? new Response('', { status: 404 })
        : new Response(JSON.stringify(body), { status: 200 }),
    );
  };
  return fetched;
}

/** Starts the app on `hash` with `language` chosen in Settings (the provider applies it). */
export async function startApp(hash: string, language: Language) {
  window.location.hash = hash;
  const storage = new MemoryStorage();
  const settings = await openSettingsSession(storage);
  settings.apply((current) => ({ ...current, language }), 0);
  await renderSettled(
    <HostContext.Provider value={{ ...createBrowserHost(window), storage }}>
      <SettingsProvider session={settings}>
        <App />
      </SettingsProvider>
    </HostContext.Provider>,
  );
  return settings;
}
