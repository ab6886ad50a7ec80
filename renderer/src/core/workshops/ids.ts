import { randomRecordId } from '../common/recordIds';

declare const workshopIdBrand: unique symbol;
declare const blockIdBrand: unique symbol;
declare const sessionIdBrand: unique symbol;
declare const captureIdBrand: unique symbol;

/** The id of a workshop a person made or duplicated (bundled workshops use their DocId). */
export type UserWorkshopId = string & { readonly [workshopIdBrand]: true };
/** The id of a block of a user workshop, stable while blocks are reordered. */
export type BlockId = string & { readonly [blockIdBrand]: true };
/** The id of a recorded session (one run of a workshop). */
export type SessionId = string & { readonly [sessionIdBrand]: true };
/** The id of a sticky note, a dot vote or a vote option captured in a session. */
export type CaptureId = string & { readonly [captureIdBrand]: true };

const randomId = randomRecordId;

/** A new, unique user-workshop id. */
export const newUserWorkshopId = (): UserWorkshopId => randomId('workshop') as UserWorkshopId;
/** A new, unique block id. */
export const newBlockId = (): BlockId => randomId('block') as BlockId;
/** A new, unique session id. */
export const newSessionId = (): SessionId => randomId('session') as SessionId;
/** A new, unique id for a note, vote or option. */
export const newCaptureId = (): CaptureId => randomId('c') as CaptureId;
