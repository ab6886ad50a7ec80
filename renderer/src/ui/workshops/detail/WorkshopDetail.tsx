import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CatalogFile } from '../../../core/content/model';
import {
  deleteWorkshop,
  duplicateBundledWorkshop,
  updateWorkshop,
} from '../../../core/workshops/workshopOperations';
import { parseClockTime, totalMinutes } from '../../../core/workshops/timing';
import { formatNumber } from '../../common/i18n/format';
import { wordError, wordRefusal } from '../../common/i18n/wordMessage';
import { Page } from '../../common/Page';
import { routeHref } from '../../../core/routing/hashRoutes';
import { AgendaTable } from './AgendaTable';
import { BlockDetails } from './BlockDetails';
import { RecordedSessions } from './RecordedSessions';
import { SaveStatus } from '../../common/SaveStatus';
import { WorkshopEditor } from '../editor/WorkshopEditor';
import type { DocumentsById, WorkshopView } from '../../../core/workshops/workshopModel';
import { formatDuration } from '../timeWords';
import { enterFullScreen } from '../present/useFullScreen';
import { workshopHref } from '../workshopRoutes';
import type { WorkshopsSession, WorkshopsSnapshot } from '../workshopsSession';

/** The start time used when a workshop has none. */
export const DEFAULT_START = '09:00';

export interface WorkshopDetailProps {
  workshop: WorkshopView;
  documents: DocumentsById;
  session: WorkshopsSession;
  snapshot: WorkshopsSnapshot;
  catalog: CatalogFile;
}

/** `#/workshops/<id>`: the agenda with times, the blocks, Present, the handout and, for the user's own, the editor. */
export function WorkshopDetail({
  workshop,
  documents,
  session,
  snapshot,
  catalog,
}: WorkshopDetailProps) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const [localStart, setLocalStart] = useState(workshop.startTime ?? DEFAULT_START);
  const [error, setError] = useState('');
  const start = workshop.user ? (workshop.user.startTime ?? DEFAULT_START) : localStart;
  const startMinutes = parseClockTime(start) ?? 9 * 60;

  const changeStart = (value: string) => {
    if (!workshop.user) {
      setLocalStart(value);
      return;
    }
    if (parseClockTime(value) === null) return;
    const userId = workshop.user.id;
    const changed = session.apply((db) => updateWorkshop(db, userId, { startTime: value }));
    setError(wordRefusal(changed) ?? '');
  };

  const duplicate = () => {
    const bundled = workshop.bundled;
    if (!bundled) return;
    const created = session.apply((db) =>
      duplicateBundledWorkshop(db, bundled, (title) => t('list.copyTitle', { title })),
    );
    if (created.ok) window.location.assign(workshopHref(created.result.workshop.id));
    else setError(wordError(created.refusal));
  };

  const remove = () => {
    const user = workshop.user;
    if (!user) return;
    if (!window.confirm(t('detail.confirmDelete', { title: user.title }))) return;
    const deleted = session.apply((db) => deleteWorkshop(db, user.id));
    if (deleted.ok) window.location.assign(routeHref('workshops'));
    else setError(wordError(deleted.refusal));
  };

  const handoutHref = `${workshopHref(workshop.id, 'handout')}?start=${encodeURIComponent(start)}`;

  return (
    <Page title={workshop.title}>
      <p className="ws-breadcrumb">
        <Trans
          t={t}
          i18nKey={workshop.bundled ? 'detail.breadcrumbBundled' : 'detail.breadcrumbOwn'}
          components={{ a: <a href={routeHref('workshops')} /> }}
        />
      </p>
      {workshop.summary && <p className="lead">{workshop.summary}</p>}
      <dl className="facts">
        {workshop.audience && (
          <div className="facts__row">
            <dt>{t('detail.audience')}</dt>
            <dd>{workshop.audience}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{t('detail.length')}</dt>
          <dd>
            {t('detail.lengthInBlocks', {
              count: workshop.blocks.length,
              shown: formatNumber(workshop.blocks.length),
              length: formatDuration(totalMinutes(workshop.blocks)),
            })}
          </dd>
        </div>
      </dl>
      <div className="ws-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            // Present mode is full screen, which a page may ask for only from the user's click.
            void enterFullScreen();
            window.location.assign(workshopHref(workshop.id, 'present'));
          }}
          disabled={workshop.blocks.length === 0}
        >
          {t('detail.present')}
        </button>
        <a className="button button--secondary" href={handoutHref}>
          {t('detail.printHandout')}
        </a>
        {workshop.bundled && (
          <button type="button" className="button button--secondary" onClick={duplicate}>
            {t('detail.duplicate')}
          </button>
        )}
        {workshop.user && (
          <button type="button" className="button button--secondary" onClick={remove}>
            {t('detail.delete')}
          </button>
        )}
      </div>
      {workshop.bundled && <p className="hint">{t('detail.bundledHint')}</p>}
      {error && (
        <p role="alert" className="ws-error">
          {error}
        </p>
      )}
      {workshop.user && <SaveStatus state={snapshot.saveState} className="ws-save" />}

      <section aria-labelledby={`${id}-agenda`} className="ws-section">
        <h2 id={`${id}-agenda`}>{t('detail.agendaHeading')}</h2>
        <div className="ws-field ws-field--inline">
          <label htmlFor={`${id}-start`}>{t('detail.startTime')}</label>
          <input
            id={`${id}-start`}
            className="ontario-input ws-input--time"
            type="time"
            value={start}
            onChange={(event) => changeStart(event.target.value)}
          />
        </div>
        <AgendaTable
          blocks={workshop.blocks}
          startMinutes={startMinutes}
          targetMinutes={workshop.targetMinutes}
        />
      </section>

      {workshop.user ? (
        <WorkshopEditor
          workshop={workshop.user}
          session={session}
          catalog={catalog}
          documents={documents}
        />
      ) : (
        <section aria-labelledby={`${id}-blocks`} className="ws-section">
          <h2 id={`${id}-blocks`}>{t('detail.blocksHeading')}</h2>
          {workshop.blocks.map((block, index) => (
            <BlockDetails
              key={block.key}
              block={block}
              index={index}
              workshopId={workshop.id}
              documents={documents}
            />
          ))}
        </section>
      )}
      <RecordedSessions workshop={workshop} session={session} snapshot={snapshot} />
    </Page>
  );
}
