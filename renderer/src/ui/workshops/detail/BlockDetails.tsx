import { Trans, useTranslation } from 'react-i18next';
import type { DocumentsById, ViewBlock } from '../../../core/workshops/workshopModel';
import { Markdown } from '../Markdown';
import { formatNumber } from '../../common/i18n/format';
import { formatDuration } from '../timeWords';
import { routeHref } from '../../../core/routing/hashRoutes';
import { QuestionSummary } from '../QuestionSummary';

export interface BlockDetailsProps {
  block: ViewBlock;
  index: number;
  /** The workshop's id, as the document of the block text. */
  workshopId: string;
  documents: DocumentsById;
}

/**
 * One block as a trainer reads it before a session: purpose, notes, materials, activity,
 * documents, and the questions it asks the room.
 */
export function BlockDetails({ block, index, workshopId, documents }: BlockDetailsProps) {
  const { t } = useTranslation('workshops');
  return (
    <article className="ws-block" aria-labelledby={`ws-block-${block.key}`}>
      <h3 id={`ws-block-${block.key}`} className="ws-block__title">
        <Trans
          t={t}
          i18nKey="block.heading"
          values={{
            number: formatNumber(index + 1),
            title: block.title,
            length: formatDuration(block.minutes),
          }}
          components={{ minutes: <span className="ws-block__minutes" /> }}
        />
      </h3>
      <BlockText label={t('block.purpose')} markdown={block.purpose} docId={workshopId} />
      <BlockText
        label={t('block.facilitatorNotes')}
        markdown={block.facilitatorNotes}
        docId={workshopId}
      />
      {block.materials.length > 0 && (
        <>
          <h4>{t('block.materials')}</h4>
          <ul>
            {block.materials.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      <BlockText label={t('block.activity')} markdown={block.activity} docId={workshopId} />
      {block.documents.length > 0 && (
        <>
          <h4>{t('block.linkedDocuments')}</h4>
          <ul>
            {block.documents.map((id) => (
              <li key={id}>
                {documents.has(id) ? (
                  <a href={routeHref('doc', id)}>{documents.get(id)?.title}</a>
                ) : (
                  t('block.notInLibrary', { id })
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {block.questions.length > 0 && (
        <>
          <h4>{t('questions.heading')}</h4>
          <ul className="ws-questions__list">
            {block.questions.map((question) => (
              <li key={question.id}>
                <QuestionSummary question={question} />
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function BlockText({ label, markdown, docId }: { label: string; markdown: string; docId: string }) {
  if (markdown.trim() === '') return null;
  return (
    <>
      <h4>{label}</h4>
      <Markdown markdown={markdown} docId={docId} className="ws-md" />
    </>
  );
}
