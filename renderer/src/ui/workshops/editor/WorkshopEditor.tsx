import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogFile } from '../../../core/content/model';
import type { BlockId } from '../../../core/workshops/ids';
import type { UserWorkshop } from '../../../core/workshops/schema';
import {
  addBlock,
  moveBlock,
  removeBlock,
  restoreBlock,
  updateWorkshop,
  type WorkshopPatch,
} from '../../../core/workshops/workshopOperations';
import { BlockEditor } from './BlockEditor';
import { DraftField, parseMinutes } from './DraftField';
import type { DocumentsById } from '../../../core/workshops/workshopModel';
import { TYPING_SAVE_DELAY_MS } from '../../../core/store/sessionLoader';
import type { WorkshopsSession } from '../workshopsSession';
import type { UserBlock } from '../../../core/workshops/schema';
import { wordRefusal } from '../../common/i18n/wordMessage';

export interface WorkshopEditorProps {
  workshop: UserWorkshop;
  session: WorkshopsSession;
  catalog: CatalogFile;
  documents: DocumentsById;
}

/** Which control should have focus after a block moved or was added or removed. */
type FocusTarget = { blockId: string; control: 'up' | 'down' | 'title' } | { control: 'add' };

/** The editor of the user's own workshop: its details and its blocks, autosaved. */
export function WorkshopEditor({ workshop, session, catalog, documents }: WorkshopEditorProps) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  const [removed, setRemoved] = useState<{ block: UserBlock; index: number } | null>(null);
  const [error, setError] = useState('');

  // Moving a node in the DOM takes focus away from it; put focus back where the user was, once
  // per request (each request is a new object). Not on every change of the workshop: typing in
  // another field changes it, and focus would jump back to the Move button.
  useEffect(() => {
    if (!focus) return;
    const element =
      focus.control === 'add'
        ? document.getElementById(`${id}-add`)
        : document.getElementById(`${id}-${focus.blockId}-${focus.control}`);
    if (element instanceof HTMLButtonElement && element.disabled) {
      const other = focus.control === 'up' ? 'down' : 'up';
      if (focus.control !== 'add')
        document.getElementById(`${id}-${focus.blockId}-${other}`)?.focus();
    } else element?.focus();
  }, [focus, id]);

  const patch = (change: WorkshopPatch, delay = TYPING_SAVE_DELAY_MS): string | null =>
    wordRefusal(session.apply((db) => updateWorkshop(db, workshop.id, change), delay));

  const move = (blockId: BlockId, to: number, control: 'up' | 'down') => {
    setError(wordRefusal(session.apply((db) => moveBlock(db, workshop.id, blockId, to))) ?? '');
    setFocus({ blockId, control });
  };

  const add = () => {
    const added = session.apply((db) =>
      addBlock(db, workshop.id, { title: t('editor.newBlockTitle'), minutes: 15 }),
    );
    setError(wordRefusal(added) ?? '');
    if (added.ok) setFocus({ blockId: added.result.block.id, control: 'title' });
  };

  const remove = (blockId: BlockId) => {
    const taken = session.apply((db) => removeBlock(db, workshop.id, blockId));
    setError(wordRefusal(taken) ?? '');
    setRemoved(taken.ok ? taken.result.removed : null);
    setFocus({ control: 'add' });
  };

  const undo = () => {
    const back = removed;
    if (!back) return;
    setError(wordRefusal(session.apply((db) => restoreBlock(db, workshop.id, back))) ?? '');
    setRemoved(null);
    setFocus({ blockId: back.block.id, control: 'title' });
  };

  return (
    <>
      <section aria-labelledby={`${id}-details`} className="ws-section">
        <h2 id={`${id}-details`}>{t('editor.detailsHeading')}</h2>
        <div className="ws-grid">
          <DraftField
            label={t('editor.title')}
            value={workshop.title}
            onChange={(value) => patch({ title: value })}
            onBlur={() => session.flush()}
          />
          <DraftField
            label={t('editor.audience')}
            value={workshop.audience}
            onChange={(value) => patch({ audience: value })}
            onBlur={() => session.flush()}
          />
          <DraftField
            label={t('editor.targetMinutes')}
            type="number"
            className="ws-field--narrow"
            value={workshop.targetMinutes === null ? '' : String(workshop.targetMinutes)}
            hint={t('editor.targetHint')}
            onChange={(value) => {
              if (value.trim() === '') return patch({ targetMinutes: null });
              const minutes = parseMinutes(value);
              return minutes === null
                ? t('editor.targetInvalid')
                : patch({ targetMinutes: minutes });
            }}
            onBlur={() => session.flush()}
          />
        </div>
        <DraftField
          label={t('editor.summary')}
          multiline
          value={workshop.summary}
          onChange={(value) => patch({ summary: value })}
          onBlur={() => session.flush()}
        />
      </section>
      <section aria-labelledby={`${id}-blocks`} className="ws-section">
        <h2 id={`${id}-blocks`}>{t('editor.blocksHeading')}</h2>
        {error && (
          <p role="alert" className="ws-error">
            {error}
          </p>
        )}
        {workshop.blocks.length === 0 && <p>{t('editor.noBlocks')}</p>}
        <ol className="ws-block-list">
          {workshop.blocks.map((block, index) => (
            <li key={block.id}>
              <BlockEditor
                idPrefix={`${id}-${block.id}`}
                workshopId={workshop.id}
                block={block}
                index={index}
                count={workshop.blocks.length}
                session={session}
                catalog={catalog}
                documents={documents}
                onMove={(to, control) => move(block.id, to, control)}
                onRemove={() => remove(block.id)}
              />
            </li>
          ))}
        </ol>
        {removed && (
          <p role="status" className="ws-undo">
            {t('editor.removed', { title: removed.block.title })}{' '}
            <button type="button" className="button button--secondary button--small" onClick={undo}>
              {t('editor.undo')}
            </button>
          </p>
        )}
        <button id={`${id}-add`} type="button" className="button" onClick={add}>
          {t('editor.addBlock')}
        </button>
      </section>
    </>
  );
}
