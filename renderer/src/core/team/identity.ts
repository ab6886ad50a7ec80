/**
 * This machine's member id: random, made once and kept in the small document `team-identity`.
 * Every local change to shared data is stamped with it from the first save, before anyone joins a
 * team folder, so joining later publishes the past changes under the same id, and two people
 * called Sam never collide.
 */
import { problemLine, withOutcome } from '../common/problemLine';
import type { DocumentStorage, ParsedDocument } from '../store/DocumentStorage';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import { isPlainObject } from '../store/migrateDocument';
import { isMemberId, randomMemberId, type MemberId } from './hlc';

/** The document's name in host storage. */
export const IDENTITY_KEY = 'team-identity';

interface IdentityDocument {
  version: 1;
  /** Null only while nothing valid is stored. */
  memberId: MemberId | null;
}

const none = (): IdentityDocument => ({ version: 1, memberId: null });

function parseIdentity(raw: unknown): ParsedDocument<IdentityDocument> {
  if (isPlainObject(raw) && raw.version === 1 && isMemberId(raw.memberId)) {
    return { data: { version: 1, memberId: raw.memberId }, issues: [] };
  }
  // Kept aside as `team-identity-invalid` by the store before a new id replaces it.
  const line = problemLine('memberId', 'problems:stored.invalid');
  return { data: none(), issues: [withOutcome(line, 'problems:outcome.droppedAlone')] };
}

const identities = new WeakMap<DocumentStorage, Promise<MemberId>>();

/**
 * This machine's member id in `storage`, created and stored on first use. Every caller with the
 * same storage gets the same promise. Never rejects: when storage cannot keep a new id, it is
 * used for this session only (its changes are still this machine's).
 */
export function localMemberId(storage: DocumentStorage): Promise<MemberId> {
  let identity = identities.get(storage);
  if (!identity) {
    identity = loadOrCreate(storage);
    identities.set(storage, identity);
  }
  return identity;
}

async function loadOrCreate(storage: DocumentStorage): Promise<MemberId> {
  // One backend for reading and writing: it refuses to write over a damaged copy it could not
  // keep aside.
  const store = createJsonDocumentBackend({
    storage,
    key: IDENTITY_KEY,
    parse: parseIdentity,
    defaults: none,
  });
  const stored = (await store.load()).data.memberId;
  if (stored !== null) return stored;
  const created = randomMemberId();
  try {
    await store.save({ version: 1, memberId: created });
  } catch {
    return created;
  }
  // Another window may have made one at the same moment: the stored one is the machine's.
  return (await store.load()).data.memberId ?? created;
}
