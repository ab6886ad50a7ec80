import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vocabulary } from '../../core/content/vocabulary';
import { localIsoDate } from '../../core/ownDocuments/documentFile';
import {
  exportOwnDocuments,
  packFileName,
  packIdFromTitle,
} from '../../core/ownDocuments/exportPack';
import type { OwnDocument } from '../../core/ownDocuments/schema';
import { formatPackProblem, packProblem } from '../../core/packs/problems';
import { TextField } from '../common/fields/TextField';
import { formatNumber } from '../common/i18n/format';
import { wordError, wordMessage } from '../common/i18n/wordMessage';
import { useSaveFile } from '../common/useSaveFile';

export interface ExportPackFormProps {
  documents: readonly OwnDocument[];
  vocabulary: Vocabulary;
  onClose: () => void;
}

/** The default pack id when the title gives none. */
const FALLBACK_ID = 'our-documents';

/**
 * Asks for the pack's title, id, publisher and version (filled with sensible defaults), writes
 * the selected documents as a content pack with the pack writer, and saves the `.onmunipack`
 * through the host (a save dialog on the desktop, a download in a browser). What the writer
 * refuses is listed in an alert and nothing is saved.
 */
export function ExportPackForm({ documents, vocabulary, onClose }: ExportPackFormProps) {
  const { t } = useTranslation('own');
  const id = useId();
  const [title, setTitle] = useState(() => t('export.defaultTitle'));
  const [packId, setPackId] = useState<string | null>(null);
  const [publisher, setPublisher] = useState('');
  const [version, setVersion] = useState('1.0.0');
  const [refusals, setRefusals] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { status, save } = useSaveFile();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened by a button above the list: the keyboard continues in the form, not back at the list.
  useEffect(() => heading.current?.focus(), []);
  // The id follows the title until the user types one of their own.
  const shownId = packId ?? packIdFromTitle(title, FALLBACK_ID);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      id: shownId,
      title,
      version,
      publisher,
      created: localIsoDate(new Date().toISOString()),
    };
    setBusy(true);
    setRefusals([]);
    exportOwnDocuments(documents, fields, vocabulary)
      .then((written) => {
        if (!written.ok) {
          setRefusals(
            written.refusals.map((refusal) => formatPackProblem(packProblem(refusal), wordMessage)),
          );
          return;
        }
        save(
          {
            suggestedName: packFileName(written.manifest),
            mimeType: 'application/zip',
            extensions: ['onmunipack'],
            contents: written.bytes,
          },
          { saved: (where) => t('export.savedTo', { where }) },
        );
      })
      .catch((error: unknown) => setRefusals([wordError(error)]))
      .finally(() => setBusy(false));
  };

  return (
    <section aria-labelledby={id} className="your-documents__export">
      <h3 id={id} ref={heading} tabIndex={-1}>
        {t('export.title')}
      </h3>
      <p>{t('export.intro', { count: documents.length, shown: formatNumber(documents.length) })}</p>
      <form noValidate onSubmit={submit}>
        {refusals.length > 0 && (
          <div className="callout callout--warning" role="alert">
            <p className="callout__title">{t('export.refused')}</p>
            <ul>
              {refusals.map((refusal) => (
                <li key={refusal}>{refusal}</li>
              ))}
            </ul>
          </div>
        )}
        <TextField
          label={t('export.packTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          label={t('export.packId')}
          hint={t('export.packIdHint')}
          value={shownId}
          onChange={(e) => setPackId(e.target.value)}
        />
        <TextField
          label={t('export.publisher')}
          hint={t('export.publisherHint')}
          value={publisher}
          onChange={(e) => setPublisher(e.target.value)}
        />
        <TextField
          label={t('export.version')}
          hint={t('export.versionHint')}
          value={version}
          onChange={(e) => setVersion(e.target.value)}
        />
        <div className="your-documents__actions">
          <button type="submit" className="button" disabled={busy}>
            {t('export.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('export.cancel')}
          </button>
        </div>
        <p role="status">{status}</p>
      </form>
    </section>
  );
}
