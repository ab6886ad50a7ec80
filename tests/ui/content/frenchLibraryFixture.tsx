/**
 * A small bilingual library for UI tests, served where the app fetches it (`./data/`): the
 * English files and the French ones the pipeline writes beside them (`catalog.fr.json`,
 * `documents.fr.json`), made from Markdown by the content pipeline's own parsing and checks, so
 * the screens see its real `lang` and `bodyLang`. Only the network is replaced (jsdom has no app
 * server); the files go through the app's own parsers, overlay and rendering.
 */
import type { Language } from '../../../electron/shared/language';
import { buildCorpus } from '../../../renderer/src/core/content/corpus';
import { buildFrenchCorpus } from '../../../renderer/src/core/content/frenchCorpus';
import { formatIssue } from '../../../renderer/src/core/content/issues';
import type { ContentDocument } from '../../../renderer/src/core/content/model';
import type { SourceFile } from '../../../renderer/src/core/content/parseFile';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import { App } from '../../../renderer/src/ui/app/App';
import { HostContext } from '../../../renderer/src/ui/common/HostContext';
import { SettingsProvider } from '../../../renderer/src/ui/settings/SettingsContext';
import { openSettingsSession } from '../../../renderer/src/ui/settings/settingsSession';
import { MemoryStorage } from '../../unit/store/MemoryStorage';
import { renderSettled } from '../support/dom';
import type { Vocabulary } from '../../../renderer/src/core/content/vocabulary';

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

/**
 * The library's files as its authors write them: Markdown with front matter, English under
 * their type's folder, French versions under `fr/` (with `lang: fr`, and `bodyFrom: en` for a
 * version that keeps the English body).
 */
const FRONT = (fields: string) => `---\n${fields.trim()}\nupdated: 2026-12-06\n---\n\n`;
const SOURCES = 'sources:\n  - title: Example source\n    url: https://example.org/source';
const MUNICIPALITY = `municipality:
  name: Testville
  tier: lower-tier
  region: east
  population: 3000
  censusYear: 2016
  populationSource: https://example.org/source
  smallRuralNorthern: true
  unconfirmed: [region]`;

const REC = `id: recommendation-9-broadband
type: recommendation
number: 9
topics: [broadband]
${SOURCES}`;
const CASE = `id: case-testville-broadband
type: case-study
topics: [broadband]
${SOURCES}
${MUNICIPALITY}`;
const GLOSSARY = `id: glossary-cao
type: glossary
topics: [broadband]
${SOURCES}`;

const ENGLISH_FILES: Record<string, string> = {
  'recommendations/recommendation-9-broadband.md': `${FRONT(`${REC}
title: Invest in broadband
summary: Councils need broadband. They can plan for it.`)}## What AMO asks\n\nAMO said: "Broadband is essential." The CAO leads.\n\n## Why it matters\n\nAccess matters.\n`,
  'case-studies/case-testville-broadband.md': `${FRONT(`${CASE}
title: Testville builds a network
summary: Testville built a network. Homes got service.`)}## Background\n\nTestville had slow service.\n\n## Results\n\nHomes got service.\n`,
  'key-issues/key-issue-connectivity.md': `${FRONT(`id: key-issue-connectivity
type: key-issue
topics: [broadband]
${SOURCES}
title: Connectivity gaps
summary: Some areas lack service. It holds them back.`)}Some areas lack service.\n`,
  'glossary/glossary-cao.md': `${FRONT(`${GLOSSARY}
title: CAO
term: CAO
aliases: [Chief Administrative Officer]
summary: The municipality's senior staff member. Reports to council.`)}The CAO runs the administration.\n`,
};

/** French versions of all but the key issue (shown in English in the French interface). */
const FRENCH_FILES: Record<string, string> = {
  'recommendations/recommendation-9-broadband.md': `${FRONT(`${REC}
lang: fr
title: Investir dans la large bande
summary: Les conseils ont besoin de la large bande. Ils peuvent s'y préparer.`)}## Ce que demande l'AMO\n\nL'AMO a dit : ["Broadband is essential."]{lang=en} (traduction non officielle : « La large bande est essentielle. ») Le DG dirige.\n\n## Pourquoi c'est important\n\nL'accès compte.\n`,
  'case-studies/case-testville-broadband.md': `${FRONT(`${CASE}
lang: fr
bodyFrom: en
title: Testville construit un réseau
summary: Testville a construit un réseau. Les foyers ont été desservis.`)}`,
  'glossary/glossary-cao.md': `${FRONT(`${GLOSSARY}
lang: fr
title: DG
term: DG
aliases: [directeur général, CAO]
summary: Le plus haut fonctionnaire de la municipalité. Relève du conseil.`)}Le DG dirige l'administration.\n`,
};

const sourceFiles = (files: Record<string, string>, root: string): SourceFile[] =>
  Object.entries(files).map(([relativePath, text]) => ({
    relativePath,
    displayPath: `${root}${relativePath}`,
    text,
  }));

/** Both libraries through the content pipeline's own parsing and checks (any issue fails). */
function buildLibraries() {
  const english = buildCorpus(sourceFiles(ENGLISH_FILES, 'content/'), VOCABULARY_EN, {
    releaseText: 'Broadband is essential.',
  });
  const french = buildFrenchCorpus(
    sourceFiles(FRENCH_FILES, 'content/fr/'),
    VOCABULARY_FR,
    english.parsed,
    (relativePath) => `content/fr/${relativePath}`,
  );
  const issues = [...english.issues, ...french.issues].map(formatIssue);
  if (issues.length > 0) throw new Error(`the fixture library has issues:\n${issues.join('\n')}`);
  return { english, french };
}

const LIBRARIES = buildLibraries();

function byId(documents: readonly ContentDocument[], id: string): ContentDocument {
  const doc = documents.find((d) => d.id === id);
  if (!doc) throw new Error(`the fixture library has no ${id}`);
  return doc;
}

export const REC_EN = byId(LIBRARIES.english.documents, 'recommendation-9-broadband');
export const REC_FR = byId(LIBRARIES.french.documents, 'recommendation-9-broadband');
export const CASE_EN = byId(LIBRARIES.english.documents, 'case-testville-broadband');
/** The French version made with `bodyFrom: en`: French title and summary, the English body. */
export const CASE_FR = byId(LIBRARIES.french.documents, 'case-testville-broadband');
/** A document with no French version yet: shown in English in the French interface. */
export const KEY_ISSUE_EN = byId(LIBRARIES.english.documents, 'key-issue-connectivity');
export const GLOSSARY_EN = byId(LIBRARIES.english.documents, 'glossary-cao');
export const GLOSSARY_FR = byId(LIBRARIES.french.documents, 'glossary-cao');

/** The files of the bilingual library, by name; `french: false` leaves the French ones out. */
export function libraryFiles(french = true): Record<string, unknown> {
  const files: Record<string, unknown> = {
    'catalog.json': { version: 1, vocabulary: VOCABULARY_EN, entries: LIBRARIES.english.catalog },
    'documents.json': { version: 1, documents: LIBRARIES.english.documents },
  };
  if (french) {
    files['catalog.fr.json'] = {
      version: 1,
      vocabulary: VOCABULARY_FR,
      entries: LIBRARIES.french.catalog,
    };
    files['documents.fr.json'] = { version: 1, documents: LIBRARIES.french.documents };
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
