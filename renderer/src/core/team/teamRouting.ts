/**
 * The record stores a team folder shares, as one: where each change read from the folder goes,
 * which records are shared, and what this member's folder should hold. The app's window
 * (ui/team/openTeamSession.ts) and the Syncthing test's app instance both route through this,
 * so the test exercises the merge path the app runs.
 *
 * The stores: the planner's (plans, phases, tasks, assessments, and the member records), the
 * annotations', and, when given, the workshops' (shared sessions and the user workshops they
 * ran) and the own documents' (shared documents, without their versions). Each change read goes
 * to the store of its kind, without the fields that stay on this device; publishing takes this
 * member's changes in scope from each. Every change is merged, a removed member's too (see
 * removedMembers.ts): filtering them would leave members who took one in before the removal
 * arrived with records the others never get.
 */
import type { Hlc, MemberId } from './hlc';
import { annotationShareScope } from './annotationRecords';
import { sharedItemScope, withoutLocalFields } from './itemRecords';
import { ownChanges } from './ownChanges';
import { DOCUMENT_LOCAL_FIELDS } from './ownDocumentRecords';
import { sharedScope } from './plannerRecords';
import {
  RECORD_KINDS,
  type Change,
  type RecordKind,
  type RecordSet,
  type TeamRecord,
} from './records';
import { workshopShareScope } from './workshopRecords';

/** What the member chose to share beyond plans marked shared (the UI keeps it per device). */
export interface ShareChoices {
  /** The Settings choice "Share assessments". */
  readonly shareAssessments: boolean;
  /** When this member joined the folder, or null: annotations made before wait for a yes. */
  readonly joinedAt: Hlc | null;
  /** The user confirmed sharing the annotations made before joining. */
  readonly annotationsConfirmed: boolean;
}

/** One record store, as routing needs it. */
export interface RecordStorePort {
  /** The records as they stand now. */
  records(): RecordSet;
  /** Folds teammates' changes in and stores them; true when anything changed. */
  mergeRemote(changes: readonly Change[]): Promise<boolean>;
}

/** The stores the team folder shares; the planner's takes every kind no other store holds. */
export interface SharedStores {
  readonly planner: RecordStorePort;
  readonly annotations: RecordStorePort;
  readonly workshops?: RecordStorePort;
  readonly ownDocuments?: RecordStorePort;
}

/** The shared stores as one (see the module comment). */
export interface TeamRouting {
  /** Every record of every store. */
  records(): Generator<TeamRecord>;
  record(kind: RecordKind, id: string): TeamRecord | undefined;
  /** Which records are shared now (ask again after the records change). */
  scope(choices: ShareChoices): (record: TeamRecord) => boolean;
  /** This member's shared changes, as their member folder should hold them. */
  ownShared(choices: ShareChoices): Change[];
  /** Sends each change to the store of its kind; true when any store changed. */
  mergeRemote(changes: readonly Change[]): Promise<boolean>;
}

/** A store with the kinds it holds and which of its records are shared. */
interface Route {
  readonly kinds: ReadonlySet<RecordKind>;
  readonly store: RecordStorePort;
  scope(choices: ShareChoices): (record: TeamRecord) => boolean;
}

/**
 * Changes a store merges at once. A first read of a large folder brings tens of thousands; merged
 * in one go, materializing and storing them held the page for most of a second at 10,000 records.
 * In batches, with a turn of the event loop between them, the page keeps answering.
 */
export const MERGE_BATCH = 2_000;

/** Lets the page handle input and paint (a macrotask: awaiting a resolved promise would not). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Fields kept on this device only, never published nor taken from a teammate's file. */
const LOCAL_FIELDS = { document: DOCUMENT_LOCAL_FIELDS } as const;

/** Routes the shared stores of member `me` (see the module comment). */
export function teamRouting(me: MemberId, stores: SharedStores): TeamRouting {
  const { planner, annotations, workshops, ownDocuments } = stores;
  const others: Route[] = [
    {
      kinds: new Set<RecordKind>(['annotation']),
      store: annotations,
      scope: (choices) =>
        annotationShareScope({
          joinedAt: choices.joinedAt,
          existingConfirmed: choices.annotationsConfirmed,
        }),
    },
  ];
  if (workshops) {
    others.push({
      kinds: new Set<RecordKind>(['capture', 'workshop']),
      store: workshops,
      scope: () => workshopShareScope(workshops.records(), me),
    });
  }
  if (ownDocuments) {
    others.push({
      kinds: new Set<RecordKind>(['document']),
      store: ownDocuments,
      scope: () => sharedItemScope(['document'], me),
    });
  }
  const claimed = new Set(others.flatMap((route) => [...route.kinds]));
  const planRoute: Route = {
    kinds: new Set(RECORD_KINDS.filter((kind) => !claimed.has(kind))),
    store: planner,
    scope: (choices) => {
      const planScope = sharedScope(planner.records(), {
        shareAssessments: choices.shareAssessments,
        me,
      });
      // Member records (who was removed) always travel: every machine shows the same members.
      return (record) => record.kind === 'member' || planScope(record);
    },
  };
  const routes = [planRoute, ...others];
  const routeOf = (kind: RecordKind): Route =>
    others.find((route) => route.kinds.has(kind)) ?? planRoute;
  return {
    *records() {
      for (const route of routes) yield* route.store.records().all();
    },
    record: (kind, id) => routeOf(kind).store.records().get(kind, id),
    scope(choices) {
      const scopes = new Map(routes.map((route) => [route, route.scope(choices)]));
      return (record) => scopes.get(routeOf(record.kind))?.(record) ?? false;
    },
    ownShared(choices) {
      const changes = routes.flatMap((route) =>
        ownChanges(route.store.records().all(), me, route.scope(choices)),
      );
      return withoutLocalFields(changes, LOCAL_FIELDS);
    },
    async mergeRemote(changes) {
      const kept = withoutLocalFields(changes, LOCAL_FIELDS);
      let changed = false;
      for (const route of routes) {
        const mine = kept.filter((change) => routeOf(change.kind) === route);
        for (let start = 0; start < mine.length; start += MERGE_BATCH) {
          if (start > 0) await nextTurn();
          const batch = mine.slice(start, start + MERGE_BATCH);
          if (await route.store.mergeRemote(batch)) changed = true;
        }
      }
      return changed;
    },
  };
}
