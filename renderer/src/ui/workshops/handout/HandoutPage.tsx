import { useId } from 'react';
import { documentSections } from '../../../core/workshops/slides';
import { formatDuration, parseClockTime, totalMinutes } from '../../../core/workshops/timing';
import { useHashRoute } from '../../common/routing/useHashRoute';
import { Page } from '../../common/Page';
import { usePrint } from '../../common/usePrint';
import { AgendaTable } from '../detail/AgendaTable';
import type { PresentViewProps } from '../present/AudienceView';
import { MaturityWorksheet } from './MaturityWorksheet';
import { Markdown } from '../Markdown';
import { DEFAULT_START } from '../detail/WorkshopDetail';
import { workshopHref } from '../workshopRoutes';
import './handout.css';

/** Lines left for notes at the end of the handout. */
const NOTE_LINES = 12;

/** What the handout's status line says after "Save as PDF" or a failed print. */
const HANDOUT_PRINT_WORDING = {
  saved: (where: string) => `Saved ${where}.`,
  cancelled: 'Not saved.',
  failedPrefix: 'Not printed:',
};

/**
 * `#/workshops/<id>/handout`: a printable handout: the agenda with times, the key points of each
 * linked document (its summary and section headings), the maturity worksheet and space for notes.
 */
export function HandoutPage({ workshop, documents }: PresentViewProps) {
  const id = useId();
  const route = useHashRoute();
  const query = new URLSearchParams(route.kind === 'page' ? route.query : '');
  const start = query.get('start') ?? workshop.startTime ?? DEFAULT_START;
  const startMinutes = parseClockTime(start) ?? 9 * 60;

  const { status, print, canSavePdf } = usePrint(
    `${workshop.id.slice(0, 80)}-handout.pdf`,
    HANDOUT_PRINT_WORDING,
  );

  const linked = [...new Set(workshop.blocks.flatMap((b) => b.documents))]
    .map((docId) => documents.get(docId))
    .filter((doc) => doc !== undefined);

  return (
    <Page title={`Handout: ${workshop.title}`}>
      <div className="handout">
        <div className="handout__actions">
          <a href={workshopHref(workshop.id)}>Back to the workshop</a>
          <button type="button" className="button" onClick={() => print(false)}>
            Print
          </button>
          {canSavePdf && (
            <button type="button" className="button button--secondary" onClick={() => print(true)}>
              Save as PDF
            </button>
          )}
          <p role="status">{status}</p>
        </div>
        {workshop.summary && <p className="lead">{workshop.summary}</p>}
        <p>
          {workshop.audience && (
            <>
              <strong>For:</strong> {workshop.audience}.{' '}
            </>
          )}
          <strong>Length:</strong> {formatDuration(totalMinutes(workshop.blocks))}.
        </p>
        <section aria-labelledby={`${id}-agenda`} className="handout__section">
          <h2 id={`${id}-agenda`}>Agenda</h2>
          <AgendaTable blocks={workshop.blocks} startMinutes={startMinutes} targetMinutes={null} />
        </section>
        <section aria-labelledby={`${id}-blocks`} className="handout__section">
          <h2 id={`${id}-blocks`}>What each block is for</h2>
          {workshop.blocks.map((block, i) => (
            <div key={block.key} className="handout__block">
              <h3>
                {i + 1}. {block.title}
              </h3>
              <Markdown markdown={block.purpose} docId={workshop.id} className="ws-md" />
            </div>
          ))}
        </section>
        {linked.length > 0 && (
          <section aria-labelledby={`${id}-docs`} className="handout__section">
            <h2 id={`${id}-docs`}>Key points of the documents</h2>
            {linked.map((doc) => {
              const headings = documentSections(doc)
                .map((s) => s.title)
                .filter((t) => t !== doc.title);
              return (
                <div key={doc.id} className="handout__doc">
                  <h3>{doc.title}</h3>
                  <p>{doc.summary}</p>
                  {headings.length > 0 && (
                    <ul>
                      {headings.map((h, i) => (
                        <li key={`${i}-${h}`}>{h}</li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </section>
        )}
        <MaturityWorksheet />
        <section aria-labelledby={`${id}-notes`} className="handout__section handout__notes">
          <h2 id={`${id}-notes`}>Notes</h2>
          <div className="handout__lines" aria-hidden="true">
            {Array.from({ length: NOTE_LINES }, (_, i) => (
              <div key={i} className="handout__line" />
            ))}
          </div>
        </section>
      </div>
    </Page>
  );
}
