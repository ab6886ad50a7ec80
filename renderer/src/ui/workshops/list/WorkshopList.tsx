import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../../core/content/model';
import {
  createWorkshop,
  duplicateBundledWorkshop,
} from '../../../core/workshops/workshopOperations';
import { totalMinutes } from '../../../core/workshops/timing';
import { Page } from '../../common/Page';
import type { DocumentsById } from '../../../core/workshops/workshopModel';
import { SaveStatus } from '../../common/SaveStatus';
import { countText, formatDuration } from '../timeWords';
import { wordError } from '../../common/i18n/wordMessage';
import { workshopHref } from '../workshopRoutes';
import type { WorkshopsSession, WorkshopsSnapshot } from '../workshopsSession';

export interface WorkshopListProps {
  bundled: readonly CatalogEntry[];
  documents: DocumentsById;
  session: WorkshopsSession;
  snapshot: WorkshopsSnapshot;
}

/** `#/workshops`: the bundled sessions and the user's own, each a link named by its title. */
export function WorkshopList({ bundled, documents, session, snapshot }: WorkshopListProps) {
  const { t } = useTranslation('workshops');
  const [error, setError] = useState('');
  const own = snapshot.db.workshops;

  /** A card's facts: audience (when known), length and number of blocks. */
  const facts = (audience: string, minutes: number, blocks: number) => {
    const values = {
      audience,
      length: formatDuration(minutes),
      blocks: countText('blocks', blocks),
    };
    return audience ? t('list.factsWithAudience', values) : t('list.facts', values);
  };

  const goTo = (id: string) => {
    window.location.assign(workshopHref(id));
  };

  const createNew = () => {
    const created = session.apply((db) =>
      createWorkshop(db, { title: t('list.newWorkshopTitle'), startTime: '09:00' }),
    );
    if (created.ok) goTo(created.result.workshop.id);
    else setError(wordError(created.refusal));
  };

  const duplicate = (id: string) => {
    const doc = documents.get(id);
    if (doc?.type !== 'workshop') return;
    const created = session.apply((db) =>
      duplicateBundledWorkshop(db, doc, (title) => t('list.copyTitle', { title })),
    );
    if (created.ok) goTo(created.result.workshop.id);
    else setError(wordError(created.refusal));
  };

  return (
    <Page title={t('page.title')}>
      <p className="lead">{t('list.lead')}</p>
      {error && (
        <p role="alert" className="ws-error">
          {error}
        </p>
      )}
      <section aria-labelledby="ws-own-h" className="ws-section">
        <div className="ws-section__head">
          <h2 id="ws-own-h">{t('list.ownHeading')}</h2>
          <button type="button" className="button" onClick={createNew}>
            {t('list.newWorkshop')}
          </button>
        </div>
        <SaveStatus state={snapshot.saveState} className="ws-save" />
        {own.length === 0 ? (
          <p>{t('list.noneOwn')}</p>
        ) : (
          <ul className="ws-cards">
            {own.map((w) => (
              <li key={w.id} className="ws-card">
                <h3 className="ws-card__title">
                  <a href={workshopHref(w.id)}>{w.title}</a>
                </h3>
                <p className="ws-card__facts">
                  {facts(w.audience, totalMinutes(w.blocks), w.blocks.length)}
                </p>
                {w.summary && <p>{w.summary}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ws-bundled-h" className="ws-section">
        <h2 id="ws-bundled-h">{t('list.bundledHeading')}</h2>
        <ul className="ws-cards">
          {bundled.map((entry) => (
            <li key={entry.id} className="ws-card">
              <h3 className="ws-card__title">
                <a href={workshopHref(entry.id)}>{entry.title}</a>
              </h3>
              <p className="ws-card__facts">
                {facts(entry.audience ?? '', entry.durationMinutes ?? 0, entry.blockCount ?? 0)}
              </p>
              <p>{entry.summary}</p>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => duplicate(entry.id)}
                disabled={!documents.has(entry.id)}
              >
                <Trans
                  t={t}
                  i18nKey="list.duplicate"
                  values={{ title: entry.title }}
                  components={{ sr: <span className="ontario-show-for-sr" /> }}
                />
              </button>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
