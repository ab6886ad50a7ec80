import { useTranslation } from 'react-i18next';
import type { CatalogFile } from '../../../core/content/model';
import type { DocId } from '../../../core/content/ids';
import type { UserBlock } from '../../../core/workshops/schema';
import { updateBlock, type BlockPatch } from '../../../core/workshops/workshopOperations';
import type { UserWorkshopId } from '../../../core/workshops/ids';
import { DocumentPicker } from './DocumentPicker';
import { QuestionsEditor } from './QuestionsEditor';
import { DraftField, parseMinutes } from './DraftField';
import type { DocumentsById } from '../../../core/workshops/workshopModel';
import { TYPING_SAVE_DELAY_MS } from '../../../core/store/sessionLoader';
import type { WorkshopsSession } from '../workshopsSession';
import { formatNumber } from '../../common/i18n/format';
import { wordRefusal } from '../../common/i18n/wordMessage';

export interface BlockEditorProps {
  /** Prefix of the ids of this block's controls (focus is moved to them by id). */
  idPrefix: string;
  workshopId: UserWorkshopId;
  block: UserBlock;
  index: number;
  count: number;
  session: WorkshopsSession;
  catalog: CatalogFile;
  documents: DocumentsById;
  onMove: (toIndex: number, control: 'up' | 'down') => void;
  onRemove: () => void;
}

/** One block of the user's workshop, every field editable, with Move up/Move down and Remove. */
export function BlockEditor({
  idPrefix,
  workshopId,
  block,
  index,
  count,
  session,
  catalog,
  documents,
  onMove,
  onRemove,
}: BlockEditorProps) {
  const { t } = useTranslation('workshops');
  const headingId = `${idPrefix}-h`;
  const patch = (change: BlockPatch, delay = TYPING_SAVE_DELAY_MS): string | null =>
    wordRefusal(session.apply((db) => updateBlock(db, workshopId, block.id, change), delay));
  const flush = () => session.flush();
  const setDocuments = (next: DocId[]) => patch({ documents: next }, 0);

  return (
    <section className="ws-block ws-block--edit" aria-labelledby={headingId}>
      <div className="ws-block__head">
        <h3 id={headingId} className="ws-block__title">
          {t('blockEditor.heading', { number: formatNumber(index + 1), title: block.title })}
        </h3>
        <div className="ws-block__tools">
          <button
            id={`${idPrefix}-up`}
            type="button"
            className="button button--secondary button--small"
            aria-describedby={headingId}
            disabled={index === 0}
            onClick={() => onMove(index - 1, 'up')}
          >
            {t('blockEditor.moveUp')}
          </button>
          <button
            id={`${idPrefix}-down`}
            type="button"
            className="button button--secondary button--small"
            aria-describedby={headingId}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1, 'down')}
          >
            {t('blockEditor.moveDown')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-describedby={headingId}
            onClick={onRemove}
          >
            {t('blockEditor.remove')}
          </button>
        </div>
      </div>
      <div className="ws-grid">
        <DraftField
          id={`${idPrefix}-title`}
          label={t('blockEditor.title')}
          value={block.title}
          onChange={(value) => patch({ title: value })}
          onBlur={flush}
        />
        <DraftField
          label={t('blockEditor.minutes')}
          type="number"
          className="ws-field--narrow"
          value={String(block.minutes)}
          onChange={(value) => {
            const minutes = parseMinutes(value);
            return minutes === null ? t('blockEditor.minutesInvalid') : patch({ minutes });
          }}
          onBlur={flush}
        />
      </div>
      <DraftField
        label={t('blockEditor.purpose')}
        multiline
        value={block.purpose}
        onChange={(value) => patch({ purpose: value })}
        onBlur={flush}
      />
      <DraftField
        label={t('blockEditor.facilitatorNotes')}
        multiline
        value={block.facilitatorNotes}
        hint={t('blockEditor.facilitatorNotesHint')}
        onChange={(value) => patch({ facilitatorNotes: value })}
        onBlur={flush}
      />
      <DraftField
        label={t('blockEditor.materials')}
        multiline
        value={block.materials.join('\n')}
        hint={t('blockEditor.materialsHint')}
        onChange={(value) =>
          patch({
            materials: value
              .split('\n')
              .map((m) => m.trim())
              .filter((m) => m !== ''),
          })
        }
        onBlur={flush}
      />
      <DraftField
        label={t('blockEditor.activity')}
        multiline
        value={block.activity}
        hint={t('blockEditor.activityHint')}
        onChange={(value) => patch({ activity: value })}
        onBlur={flush}
      />
      <DocumentPicker
        idPrefix={idPrefix}
        blockTitle={block.title}
        linked={block.documents}
        catalog={catalog}
        documents={documents}
        onChange={setDocuments}
      />
      <QuestionsEditor
        idPrefix={idPrefix}
        workshopId={workshopId}
        block={block}
        session={session}
      />
    </section>
  );
}
