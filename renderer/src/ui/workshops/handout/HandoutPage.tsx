import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { stripEnglishSpans } from '../../../core/markdown/englishSpanText';
import { documentSections } from '../../../core/workshops/documentSections';
import { parseClockTime, totalMinutes } from '../../../core/workshops/timing';
import { formatNumber } from '../../common/i18n/format';
import { useHashRoute } from '../../common/routing/useHashRoute';
import { Page } from '../../common/Page';
import { ContentText, useLangMark } from '../../content/ContentText';
import { bodyLanguageOf, contentLanguageOf } from '../../content/languageOverlay';
import { PrintActions } from '../../common/PrintActions';
import { AgendaTable } from '../detail/AgendaTable';
import type { PresentViewProps } from '../present/AudienceView';
import { MaturityWorksheet } from './MaturityWorksheet';
import { Markdown } from '../Markdown';
import { DEFAULT_START } from '../detail/WorkshopDetail';
import { formatDuration } from '../timeWords';
import { workshopHref } from '../workshopRoutes';
import './handout.css';

/** Lines left for notes at the end of the handout. */
const NOTE_LINES = 12;

/**
 * `#/workshops/<id>/handout`: a printable handout: the agenda with times, the key points of each
 * linked document (its summary and section headings), the maturity worksheet and space for notes.
 * The documents are the library's, in the interface's language: a document with no version in it
 * (or one whose body is another language's) prints in English, marked `lang="en"`, as are the
 * English passages (`[..]{lang=en}`) of a French title or summary.
 */
export function HandoutPage({ workshop, documents }: PresentViewProps) {
  const { t } = useTranslation('workshops');
  const id = useId();
  const langOf = useLangMark();
  const route = useHashRoute();
  const query = new URLSearchParams(route.kind === 'page' ? route.query : '');
  const start = query.get('start') ?? workshop.startTime ?? DEFAULT_START;
  const startMinutes = parseClockTime(start) ?? 9 * 60;

  const linked = [...new Set(workshop.blocks.flatMap((b) => b.documents))]
    .map((docId) => documents.get(docId))
    .filter((doc) => doc !== undefined);

  return (
    <Page title={t('handout.title', { workshop: stripEnglishSpans(workshop.title) })}>
      <div className="handout">
        <PrintActions
          className="handout__actions"
          printClassName="button"
          suggestedName={t('handout.fileName', { id: workshop.id.slice(0, 80) })}
          wording={{
            // What the status line says after "Save as PDF" or a failed print.
            saved: (where: string) => t('handout.saved', { where }),
            cancelled: t('handout.notSaved'),
            failedPrefix: t('handout.failedPrefix'),
          }}
        >
          <a href={workshopHref(workshop.id)}>{t('handout.back')}</a>
        </PrintActions>
        {workshop.summary && (
          <p className="lead">
            <ContentText text={workshop.summary} />
          </p>
        )}
        <p>
          <Trans
            t={t}
            i18nKey={workshop.audience ? 'handout.factsWithAudience' : 'handout.facts'}
            values={{
              audience: stripEnglishSpans(workshop.audience),
              length: formatDuration(totalMinutes(workshop.blocks)),
            }}
            components={{ strong: <strong /> }}
          />
        </p>
        <section aria-labelledby={`${id}-agenda`} className="handout__section">
          <h2 id={`${id}-agenda`}>{t('handout.agenda')}</h2>
          <AgendaTable blocks={workshop.blocks} startMinutes={startMinutes} targetMinutes={null} />
        </section>
        <section aria-labelledby={`${id}-blocks`} className="handout__section">
          <h2 id={`${id}-blocks`}>{t('handout.blocksHeading')}</h2>
          {workshop.blocks.map((block, i) => (
            <div key={block.key} className="handout__block">
              <h3>
                {t('handout.blockHeading', {
                  number: formatNumber(i + 1),
                  title: stripEnglishSpans(block.title),
                })}
              </h3>
              <Markdown markdown={block.purpose} docId={workshop.id} className="ws-md" />
            </div>
          ))}
        </section>
        {linked.length > 0 && (
          <section aria-labelledby={`${id}-docs`} className="handout__section">
            <h2 id={`${id}-docs`}>{t('handout.documentsHeading')}</h2>
            {linked.map((doc) => {
              const headings = documentSections(doc)
                .map((s) => s.title)
                .filter((title) => title !== doc.title);
              const lang = langOf(contentLanguageOf(doc));
              return (
                <div key={doc.id} className="handout__doc">
                  <h3 lang={lang}>
                    <ContentText text={doc.title} />
                  </h3>
                  <p lang={lang}>
                    <ContentText text={doc.summary} />
                  </p>
                  {headings.length > 0 && (
                    <ul lang={langOf(bodyLanguageOf(doc))}>
                      {headings.map((h, i) => (
                        <li key={`${i}-${h}`}>
                          <ContentText text={h} />
                        </li>
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
          <h2 id={`${id}-notes`}>{t('handout.notes')}</h2>
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
