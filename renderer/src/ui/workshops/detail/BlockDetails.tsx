import type { DocumentsById, ViewBlock } from '../../../core/workshops/workshopModel';
import { Markdown } from '../Markdown';
import { formatDuration } from '../../../core/workshops/timing';
import { routeHref } from '../../../core/routing/hashRoutes';

export interface BlockDetailsProps {
  block: ViewBlock;
  index: number;
  /** The workshop's id, as the document of the block text. */
  workshopId: string;
  documents: DocumentsById;
}

/** One block as a trainer reads it before a session: purpose, notes, materials, activity, documents. */
export function BlockDetails({ block, index, workshopId, documents }: BlockDetailsProps) {
  return (
    <article className="ws-block" aria-labelledby={`ws-block-${block.key}`}>
      <h3 id={`ws-block-${block.key}`} className="ws-block__title">
        {index + 1}. {block.title}{' '}
        <span className="ws-block__minutes">({formatDuration(block.minutes)})</span>
      </h3>
      <BlockText label="Purpose" markdown={block.purpose} docId={workshopId} />
      <BlockText label="Facilitator notes" markdown={block.facilitatorNotes} docId={workshopId} />
      {block.materials.length > 0 && (
        <>
          <h4>Materials</h4>
          <ul>
            {block.materials.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      <BlockText label="Activity" markdown={block.activity} docId={workshopId} />
      {block.documents.length > 0 && (
        <>
          <h4>Linked documents</h4>
          <ul>
            {block.documents.map((id) => (
              <li key={id}>
                {documents.has(id) ? (
                  <a href={routeHref('doc', id)}>{documents.get(id)?.title}</a>
                ) : (
                  <>A document that is not in this library ({id})</>
                )}
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
