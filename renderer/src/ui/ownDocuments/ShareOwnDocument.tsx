import { setOwnDocumentShared } from '../../core/ownDocuments/operations';
import type { OwnDocument } from '../../core/ownDocuments/schema';
import { wordRefusal } from '../common/i18n/wordMessage';
import { ShareItemWithTeam } from '../team/ShareItemWithTeam';
import type { OwnDocumentsSession } from './ownDocumentsSession';

/** "Share with team" on an own document (its versions stay on this device). */
export function ShareOwnDocument({
  doc,
  session,
  describedBy,
}: {
  doc: OwnDocument;
  session: OwnDocumentsSession;
  describedBy?: string;
}) {
  return (
    <ShareItemWithTeam
      kind="document"
      shared={doc.shared}
      sharedBy={doc.sharedBy}
      describedBy={describedBy}
      change={(shared, me) =>
        wordRefusal(session.apply((db) => setOwnDocumentShared(db, doc.id, shared, me)))
      }
    />
  );
}
