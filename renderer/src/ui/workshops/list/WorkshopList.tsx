import { useState } from 'react';
import type { CatalogEntry } from '../../../core/content/model';
import {
  createWorkshop,
  duplicateBundledWorkshop,
} from '../../../core/workshops/workshopOperations';
import { formatDuration, totalMinutes } from '../../../core/workshops/timing';
import { Page } from '../../common/Page';
import type { DocumentsById } from '../../../core/workshops/workshopModel';
import { SaveStatus } from '../../common/SaveStatus';
import { workshopHref } from '../workshopRoutes';
import type { WorkshopsSession, WorkshopsSnapshot } from '../workshopsSession';

export interface WorkshopListProps {
  bundled: readonly CatalogEntry[];
  documents: DocumentsById;
  session: WorkshopsSession;
  snapshot: WorkshopsSnapshot;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `#/workshops`: the bundled sessions and the user's own, each a link named by its title. */
export function WorkshopList({ bundled, documents, session, snapshot }: WorkshopListProps) {
  const [error, setError] = useState('');
  const own = snapshot.db.workshops;

  const goTo = (id: string) => {
    window.location.assign(workshopHref(id));
  };

  const createNew = () => {
    const created = session.apply((db) =>
      createWorkshop(db, { title: 'New workshop', startTime: '09:00' }),
    );
    if (created.ok) goTo(created.result.workshop.id);
    else setError(created.refusal.message);
  };

  const duplicate = (id: string) => {
    const doc = documents.get(id);
    if (doc?.type !== 'workshop') return;
    const created = session.apply((db) => duplicateBundledWorkshop(db, doc));
    if (created.ok) goTo(created.result.workshop.id);
    else setError(created.refusal.message);
  };

  return (
    <Page title="Workshops">
      <p className="lead">
        Plan, present and follow up a training session from the toolkit, with no network needed.
      </p>
      {error && (
        <p role="alert" className="ws-error">
          {error}
        </p>
      )}
      <section aria-labelledby="ws-own-h" className="ws-section">
        <div className="ws-section__head">
          <h2 id="ws-own-h">Your workshops</h2>
          <button type="button" className="button" onClick={createNew}>
            New workshop
          </button>
        </div>
        <SaveStatus state={snapshot.saveState} className="ws-save" />
        {own.length === 0 ? (
          <p>
            You have no workshops of your own yet. Start a new one, or duplicate a ready-made
            session below to adapt it.
          </p>
        ) : (
          <ul className="ws-cards">
            {own.map((w) => (
              <li key={w.id} className="ws-card">
                <h3 className="ws-card__title">
                  <a href={workshopHref(w.id)}>{w.title}</a>
                </h3>
                <p className="ws-card__facts">
                  {w.audience ? `${w.audience} · ` : ''}
                  {formatDuration(totalMinutes(w.blocks))} · {plural(w.blocks.length, 'block')}
                </p>
                {w.summary && <p>{w.summary}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ws-bundled-h" className="ws-section">
        <h2 id="ws-bundled-h">Ready-made workshops</h2>
        <ul className="ws-cards">
          {bundled.map((entry) => (
            <li key={entry.id} className="ws-card">
              <h3 className="ws-card__title">
                <a href={workshopHref(entry.id)}>{entry.title}</a>
              </h3>
              <p className="ws-card__facts">
                {entry.audience ? `${entry.audience} · ` : ''}
                {formatDuration(entry.durationMinutes ?? 0)} ·{' '}
                {plural(entry.blockCount ?? 0, 'block')}
              </p>
              <p>{entry.summary}</p>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => duplicate(entry.id)}
                disabled={!documents.has(entry.id)}
              >
                Duplicate<span className="ontario-show-for-sr">: {entry.title}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
