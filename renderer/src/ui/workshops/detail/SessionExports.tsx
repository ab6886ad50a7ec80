import { useTranslation } from 'react-i18next';
import {
  captureContextFor,
  sessionToCsv,
  sessionToMarkdown,
} from '../../../core/workshops/captureExport';
import type { WorkshopSession } from '../../../core/workshops/schema';
import { csvDialect } from '../../common/i18n/format';
import { useSaveFile } from '../../common/useSaveFile';
import { captureWords } from '../exportWords';
import type { ViewBlock } from '../../../core/workshops/workshopModel';

export interface SessionExportsProps {
  session: WorkshopSession;
  blocks: readonly ViewBlock[];
}

/**
 * A file name for a session's results, e.g. `council-awareness-session-2026-11-26.md`;
 * `fallback` names it when the title has no letter or digit to keep.
 */
function sessionFileName(session: WorkshopSession, extension: string, fallback: string): string {
  const slug = session.workshopTitle
    .toLocaleLowerCase('en-CA')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return `${slug || fallback}-${session.startedAt.slice(0, 10)}.${extension}`;
}

/** "Export Markdown" and "Export CSV" of a session's notes and votes, through the host. */
export function SessionExports({ session, blocks }: SessionExportsProps) {
  const { t } = useTranslation('workshops');
  const { status, save: saveFile } = useSaveFile();
  const save = (kind: 'md' | 'csv') => {
    const context = captureContextFor(blocks, captureWords());
    saveFile(
      {
        suggestedName: sessionFileName(session, kind, t('exports.fileNameFallback')),
        mimeType: kind === 'md' ? 'text/markdown;charset=utf-8' : 'text/csv;charset=utf-8',
        extensions: [kind],
        contents:
          kind === 'md'
            ? sessionToMarkdown(session, context)
            : sessionToCsv(session, context, csvDialect()),
      },
      {
        saved: (where) => t('exports.saved', { where }),
        cancelled: t('exports.cancelled'),
        failedPrefix: t('exports.failedPrefix'),
      },
    );
  };
  return (
    <div className="ws-exports">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => save('md')}
      >
        {t('exports.markdown')}
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => save('csv')}
      >
        {t('exports.csv')}
      </button>
      <p role="status" className="ws-exports__status">
        {status}
      </p>
    </div>
  );
}
