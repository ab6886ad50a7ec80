import { refusalMessage } from '../../../core/store/StoreSession';
import { useId, useState } from 'react';
import type { CatalogFile } from '../../../core/content/model';
import {
  deleteWorkshop,
  duplicateBundledWorkshop,
  updateWorkshop,
} from '../../../core/workshops/workshopOperations';
import { formatDuration, parseClockTime, totalMinutes } from '../../../core/workshops/timing';
import { Page } from '../../common/Page';
import { routeHref } from '../../../core/routing/hashRoutes';
import { AgendaTable } from './AgendaTable';
import { BlockDetails } from './BlockDetails';
import { RecordedSessions } from './RecordedSessions';
import { SaveStatus } from '../../common/SaveStatus';
import { WorkshopEditor } from '../editor/WorkshopEditor';
import type { DocumentsById, WorkshopView } from '../../../core/workshops/workshopModel';
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
    setError(refusalMessage(changed) ?? '');
  };

  const duplicate = () => {
    const bundled = workshop.bundled;
    if (!bundled) return;
    const created = session.apply((db) => duplicateBundledWorkshop(db, bundled));
    if (created.ok) window.location.assign(workshopHref(created.result.workshop.id));
    else setError(created.refusal.message);
  };

  const remove = () => {
    const user = workshop.user;
    if (!user) return;
    if (!window.confirm(`Delete the workshop “${user.title}”? Recorded sessions are kept.`)) return;
    const deleted = session.apply((db) => deleteWorkshop(db, user.id));
    if (deleted.ok) window.location.assign(routeHref('workshops'));
    else setError(deleted.refusal.message);
  };

  const handoutHref = `${workshopHref(workshop.id, 'handout')}?start=${encodeURIComponent(start)}`;

  return (
    <Page title={workshop.title}>
      <p className="ws-breadcrumb">
        <a href={routeHref('workshops')}>Workshops</a>
        {workshop.bundled ? ' · Ready-made workshop' : ' · Your workshop'}
      </p>
      {workshop.summary && <p className="lead">{workshop.summary}</p>}
      <dl className="facts">
        {workshop.audience && (
          <div className="facts__row">
            <dt>Audience</dt>
            <dd>{workshop.audience}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>Length</dt>
          <dd>
            {formatDuration(totalMinutes(workshop.blocks))} in {workshop.blocks.length}{' '}
            {workshop.blocks.length === 1 ? 'block' : 'blocks'}
          </dd>
        </div>
      </dl>
      <div className="ws-actions">
        <button
          type="button"
          className="button"
          onClick={() => window.location.assign(workshopHref(workshop.id, 'present'))}
          disabled={workshop.blocks.length === 0}
        >
          Present
        </button>
        <a className="button button--secondary" href={handoutHref}>
          Print handout
        </a>
        {workshop.bundled && (
          <button type="button" className="button button--secondary" onClick={duplicate}>
            Duplicate
          </button>
        )}
        {workshop.user && (
          <button type="button" className="button button--secondary" onClick={remove}>
            Delete workshop
          </button>
        )}
      </div>
      {workshop.bundled && (
        <p className="hint">
          Ready-made workshops cannot be changed. Duplicate this one to adapt its blocks, timing and
          documents.
        </p>
      )}
      {error && (
        <p role="alert" className="ws-error">
          {error}
        </p>
      )}
      {workshop.user && <SaveStatus state={snapshot.saveState} className="ws-save" />}

      <section aria-labelledby={`${id}-agenda`} className="ws-section">
        <h2 id={`${id}-agenda`}>Agenda</h2>
        <div className="ws-field ws-field--inline">
          <label htmlFor={`${id}-start`}>Start time</label>
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
          <h2 id={`${id}-blocks`}>Blocks</h2>
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
