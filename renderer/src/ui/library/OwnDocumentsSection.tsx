import { useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../core/content/model';
import type { Vocabulary } from '../../core/content/vocabulary';
import { DocCard } from './DocCard';

interface OwnDocumentsSectionProps {
  /** The user's own documents (`own--<id>`), in library order. */
  entries: readonly CatalogEntry[];
  vocabulary: Vocabulary;
}

/**
 * "Your documents": the documents written in this toolkit, apart from the bundled library and
 * the content packs, so a municipality's own notes are found in one place.
 */
export function OwnDocumentsSection({ entries, vocabulary }: OwnDocumentsSectionProps) {
  const { t } = useTranslation('library');
  return (
    <section aria-labelledby="library-own" className="library-section library-own">
      <h2 id="library-own" className="library-section__title">
        {t('own.title')}
      </h2>
      {entries.length === 0 ? (
        <p>{t('own.empty')}</p>
      ) : (
        <ul className="library-list">
          {entries.map((entry) => (
            <li key={entry.id} className="library-list__item">
              <DocCard entry={entry} vocabulary={vocabulary} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
