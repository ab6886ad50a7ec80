/**
 * The workshops database as team records (itemRecords.ts): each recorded session is a `capture`
 * record (its sticky notes and dot votes are the captures, and make sense only together, with
 * the session's workshop title and start), each user workshop a `workshop` record.
 *
 * What travels: a session the user shared ("Share with team"), and the user workshop it ran,
 * because a capture needs it to mean anything to a teammate: notes say which block was running
 * by its index in the workshop's blocks, recorded sessions are listed on their workshop's page,
 * and exports and tasks made from a session name the blocks. A bundled workshop is the same on
 * every machine, so only its id travels (in the session). A user workshop no shared session ran
 * stays on this device.
 *
 * Records carry no format version: a value written before workshops format 3 (or by a teammate's
 * older app) is upgraded as the document migration would (`upgradeSessionValue`,
 * `upgradeWorkshopValue`) before it is checked, so no capture or workshop is lost to an upgrade.
 */
import {
  sessionSchema,
  userWorkshopSchema,
  WORKSHOPS_SCHEMA_VERSION,
  type UserWorkshop,
  type WorkshopSession,
  type WorkshopsDatabase,
} from '../workshops/schema';
import { upgradeSessionValue, upgradeWorkshopValue } from '../workshops/migrations';
import type { Materialized } from '../store/recordLogBackend';
import { isPlainObject } from '../store/migrateDocument';
import {
  itemWrites,
  materializeItems,
  sharedItemScope,
  VALUE_FIELD,
  type ItemRecordNotice,
  type ItemRecordSpec,
} from './itemRecords';
import type { MemberId } from './hlc';
import type { FieldValue, RecordSet, TeamRecord, Write } from './records';

const asValue = (item: object): FieldValue => item as unknown as FieldValue;

const captureSpec: ItemRecordSpec<WorkshopSession> = {
  kind: 'capture',
  valueOf: asValue,
  read: (register) => {
    const value = isPlainObject(register.value)
      ? upgradeSessionValue(register.value)
      : register.value;
    const parsed = sessionSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  },
  order: (session) => session.startedAt,
};

const workshopSpec: ItemRecordSpec<UserWorkshop> = {
  kind: 'workshop',
  valueOf: asValue,
  read: (register) => {
    const value = isPlainObject(register.value)
      ? upgradeWorkshopValue(register.value)
      : register.value;
    const parsed = userWorkshopSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  },
  order: (workshop) => workshop.createdAt,
};

/** The writes that turn `prev` into `next`: one per session or user workshop that changed. */
export function workshopWrites(prev: WorkshopsDatabase, next: WorkshopsDatabase): Write[] {
  return [
    ...itemWrites(workshopSpec, prev.workshops, next.workshops),
    ...itemWrites(captureSpec, prev.sessions, next.sessions),
  ];
}

/**
 * The workshops database the records stand for: user workshops by creation, sessions by start
 * (as they are added). Invalid records are left out with a notice.
 */
export function materializeWorkshops(
  records: RecordSet,
  previous?: Materialized<WorkshopsDatabase, ItemRecordNotice>,
): Materialized<WorkshopsDatabase, ItemRecordNotice> {
  const workshops = materializeItems(workshopSpec, records, [], previous?.db.workshops);
  const sessions = materializeItems(captureSpec, records, [], previous?.db.sessions);
  const notices = [...workshops.notices, ...sessions.notices];
  const db: WorkshopsDatabase =
    previous && workshops.items === previous.db.workshops && sessions.items === previous.db.sessions
      ? previous.db
      : {
          schemaVersion: WORKSHOPS_SCHEMA_VERSION,
          workshops: [...workshops.items],
          sessions: [...sessions.items],
        };
  return { db, notices };
}

/**
 * Which workshop records go to the team folder: sessions shared now or withdrawn (see
 * `sharedItemScope`, and `me` there), and the user workshops those sessions ran. Reads `records`
 * once: call it again after they change.
 */
export function workshopShareScope(
  records: RecordSet,
  me?: MemberId,
): (record: TeamRecord) => boolean {
  const sharedCapture = sharedItemScope(['capture'], me);
  const ran = new Set<string>();
  for (const record of records.ofKind('capture')) {
    if (!sharedCapture(record)) continue;
    const value = record.fields[VALUE_FIELD]?.value;
    const workshop = isPlainObject(value) ? value.workshop : undefined;
    if (isPlainObject(workshop) && workshop.kind === 'user' && typeof workshop.id === 'string') {
      ran.add(workshop.id);
    }
  }
  return (record) =>
    record.kind === 'capture'
      ? sharedCapture(record)
      : record.kind === 'workshop' && ran.has(record.id);
}
