import type { ContentDocument } from '../../core/content/model';
import { documentRoute } from '../../core/markdown/linkPolicy';
import { typeLabel } from '../content/contentLabels';
import { ContentText, useLangMark } from '../content/ContentText';
import { contentLanguageOf } from '../content/languageOverlay';

export interface DocumentLinksProps {
  /** The section's heading, e.g. "Related documents". */
  title: string;
  /** Distinguishes the sections' ids. */
  id: string;
  /** Ids to list; ids that name no loaded document are skipped. */
  ids: readonly string[];
  byId: ReadonlyMap<string, ContentDocument>;
}

/** A titled list of document cards: type label, title as a link, and summary. */
export function DocumentLinks({ title, id, ids, byId }: DocumentLinksProps) {
  const mark = useLangMark();
  const docs = ids.flatMap((docId) => {
    const doc = byId.get(docId);
    return doc ? [doc] : [];
  });
  if (docs.length === 0) return null;
  const headingId = `reader-${id}-title`;
  return (
    <section className={`reader-section reader-links reader-${id}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ul className="reader-links__list">
        {docs.map((doc) => (
          <li key={doc.id} className="reader-card">
            <p className="reader-card__type">{typeLabel(doc.type, 'one')}</p>
            <a
              className="reader-card__title"
              href={documentRoute(doc.id)}
              lang={mark(contentLanguageOf(doc))}
            >
              <ContentText text={doc.title} />
            </a>
            <p className="reader-card__summary" lang={mark(contentLanguageOf(doc))}>
              <ContentText text={doc.summary} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
