/**
 * The one IPC contract between the renderer and the main process.
 *
 * Each channel (`domain:action`) maps to the zod schema its input must pass and the type its
 * output has. Main registers one handler per channel by looping over this object, the preload
 * builds `window.onmuni` from it, and the renderer imports only its types. A channel name is
 * written here and nowhere else.
 *
 * This module must stay pure (zod only): it is bundled into the sandboxed preload and type-checked
 * by the renderer's project.
 */
import { z } from 'zod';
import {
  presenterCommandSchema,
  type RoomCommandAnswer,
  type RoomEvent,
  type RoomInterface,
} from '../../renderer/src/core/room/protocol';
import { LANGUAGE_CODES } from './language';
import { formatByteSize } from './byteSize';
import { MAX_EXTERNAL_URL_LENGTH } from './externalUrlPolicy';
import {
  MAX_PACK_ID_LENGTH,
  MAX_PACK_VERSION_LENGTH,
  MAX_STORED_PACK_FILE_BYTES,
  PACK_ID_PATTERN,
  PACK_LIMITS,
  PUBLIC_KEY_HEX_PATTERN,
  SEMVER_PATTERN,
  STORED_PACK_FILES,
  isPackId,
  type PackStoreRefusal,
  type StoredPackFile,
} from './packRules';
import { STORAGE_KEY_PATTERN, isStorageKey } from './storageKey';
import type { StorageWriteResult, StoredDocumentRead } from './storageReadResult';
import {
  MAX_TEAM_FILE_BYTES,
  MAX_TEAM_PATH_LENGTH,
  TEAM_FOLDER_TOKEN_PATTERN,
  isFolderPath,
  type FolderEntry,
  type FolderReadResult,
  type OpenedTeamFolder,
  type TeamFolderAnswer,
} from './teamFolderRules';

export { STORAGE_KEY_PATTERN };

/**
 * Largest text that may cross IPC, in UTF-16 code units (what `string.length` counts). 25 Mi units
 * is about 25 MB of ASCII; it keeps a runaway renderer from making main allocate without bound.
 * Stored documents are also capped in bytes on disk (`MAX_DOCUMENT_BYTES` in main's storage.ts,
 * which stays free of this module's zod so the crash test can run it alone).
 */
export const MAX_TEXT_LENGTH = 25 * 1024 * 1024;

/** Largest file the open dialog reads, in bytes; renderer requests are capped to this. */
export const MAX_OPEN_FILE_BYTES = 25 * 1024 * 1024;

/** The file types the app writes. `file:save` accepts no others, so it never writes a program. */
export const SAVE_EXTENSIONS = ['json', 'csv', 'ics', 'md', 'pdf', 'jsonld', 'onmunipack'] as const;
export type SaveExtension = (typeof SAVE_EXTENSIONS)[number];

/** True when `name` ends with `.ext` for one of `extensions` (ignoring case). */
export function hasOneOfExtensions(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((extension) => lower.endsWith(`.${extension}`));
}

const storageKey = z.string().refine(isStorageKey, 'must be a lowercase name like "settings"');
const text = z
  .string()
  .max(MAX_TEXT_LENGTH, `is larger than ${formatByteSize(MAX_TEXT_LENGTH, 'limit')}`);
/** Bytes (a Uint8Array, as IPC delivers binary data) of at most `max`. */
function bytes(max: number) {
  // Typed as any Uint8Array (z.instanceof would narrow it to one over an ArrayBuffer).
  return z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be bytes')
    .refine((value) => value.byteLength <= max, `is larger than ${formatByteSize(max, 'limit')}`);
}
/** What `file:save` writes: text, or the bytes of a content pack (no larger than a pack may be). */
const savedContents = z.union([text, bytes(PACK_LIMITS.maxFileBytes)]);
const extension = z.string().regex(/^[a-z0-9]{1,10}$/, 'must be an extension without the dot');
const extensions = z.array(extension).min(1).max(20);
// Kept as string[] in the types (the Host's SaveFileOptions says string[]); checked here at run time.
const saveExtensions = z
  .array(
    extension.refine((value) => SAVE_EXTENSIONS.some((allowed) => allowed === value), {
      error: `must be one of ${SAVE_EXTENSIONS.join(', ')}`,
    }),
  )
  .min(1)
  .max(SAVE_EXTENSIONS.length);
/** True for a bare file name: no folders, no control characters, nothing Windows reserves. */
function isPlainFileName(name: string): boolean {
  if (name === '.' || name === '..' || /[\\/:*?"<>|]/.test(name)) return false;
  for (const char of name) if (char.charCodeAt(0) < 0x20) return false;
  return true;
}

/** A file name suggested to a save dialog. */
const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine(isPlainFileName, 'must be a file name without folders or special characters');

const packId = z
  .string()
  .max(MAX_PACK_ID_LENGTH)
  .regex(PACK_ID_PATTERN, 'must be a pack id (lowercase words joined by single hyphens)')
  .refine(isPackId, 'is kept for the app; no pack may use it');
const packVersion = z
  .string()
  .max(MAX_PACK_VERSION_LENGTH)
  .regex(SEMVER_PATTERN, 'must be a semantic version, e.g. 1.2.0');
const storedPackFile = z.enum(STORED_PACK_FILES);
/** Every stored file of a version, each within its limit, and nothing else. */
const storedPackFiles = z.strictObject(
  Object.fromEntries(
    STORED_PACK_FILES.map((name) => [name, bytes(MAX_STORED_PACK_FILE_BYTES[name])]),
  ) as Record<StoredPackFile, ReturnType<typeof bytes>>,
);
/**
 * Text shown of a stored version. The page built the record from a manifest it checked; these
 * bounds only keep a runaway page from storing without limit, so they are looser than the format's.
 */
const recordText = z.string().min(1).max(2_000);
/** `StoredPackVersion` (core/packs/packStorage.ts); the host's types make the two agree. */
const storedPackVersion = z.strictObject({
  version: packVersion,
  title: recordText,
  publisher: recordText,
  description: z.string().max(20_000).optional(),
  created: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD'),
  installedAt: z.iso.datetime({ offset: true }),
  documentCount: z.number().int().min(0).max(PACK_LIMITS.maxEntries),
  signedBy: z.string().regex(PUBLIC_KEY_HEX_PATTERN, 'must be a public key in hex').nullable(),
});
/** A stored pack version as it crosses IPC. */
export type StoredPackVersionRecord = z.output<typeof storedPackVersion>;
/** An installed pack as `packs:list` answers it (`InstalledPack` in core/packs/packStorage.ts). */
export interface InstalledPackRecord {
  id: string;
  current: StoredPackVersionRecord;
  previous: StoredPackVersionRecord | null;
}
/**
 * What main answers to a pack request: its value, or the store's refusal as a code the page
 * words (a rejection would carry only English words); anything else still rejects.
 */
export type PackStoreAnswer<T> =
  { status: 'done'; value: T } | { status: 'refused'; refusal: PackStoreRefusal };

const teamToken = z
  .string()
  .regex(TEAM_FOLDER_TOKEN_PATTERN, 'must be the token main gave for the team folder');
/** A relative path inside the team folder; `''` (the folder itself) only where `root` allows. */
function teamPath(root: 'root allowed' | 'file') {
  return z
    .string()
    .max(MAX_TEAM_PATH_LENGTH)
    .refine(
      (path) => isFolderPath(path) && (root === 'root allowed' || path !== ''),
      'must be a relative path of plain names inside the team folder',
    );
}

/** Ids of workshops and sessions: letters, digits, dashes and underscores (as the stores use). */
const presenterId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be a workshop or session id');

/** What `file:open` answers; an error names the chosen file, which it is about. */
export type OpenTextFileResult =
  | { status: 'cancelled' }
  | { status: 'ok'; name: string; text: string }
  | { status: 'error'; name: string; message: string };

export type SaveResult =
  | { status: 'cancelled' }
  | { status: 'saved'; where: string }
  | { status: 'error'; message: string };

export type PrintPageResult = { status: 'printed' } | { status: 'cancelled'; reason: string };

export interface AppInfoResult {
  name: string;
  version: string;
  host: 'electron';
  dataLocation: string;
}

/**
 * A phantom carrying a channel's output type. It has no runtime value: outputs come from our own
 * main process, so only inputs (which come from the renderer) are parsed.
 */
export interface Returns<T> {
  readonly __returns?: T;
}
function returns<T>(): Returns<T> {
  return {};
}

/** The contract itself. Inputs are always one object (possibly empty), strict: no extra keys. */
export const ipcContract = {
  'storage:read': {
    input: z.strictObject({ key: storageKey }),
    output: returns<StoredDocumentRead>(),
  },
  'storage:write': {
    input: z.strictObject({ key: storageKey, text }),
    output: returns<StorageWriteResult>(),
  },
  'file:open': {
    input: z.strictObject({
      title: z.string().min(1).max(200),
      extensions,
      maxBytes: z.number().int().positive().max(MAX_OPEN_FILE_BYTES),
    }),
    output: returns<OpenTextFileResult>(),
  },
  'file:save': {
    input: z
      .strictObject({
        suggestedName: fileName,
        extensions: saveExtensions,
        contents: savedContents,
      })
      .refine((input) => hasOneOfExtensions(input.suggestedName, input.extensions), {
        path: ['suggestedName'],
        error: 'must end with one of the listed extensions',
      }),
    output: returns<SaveResult>(),
  },
  'print:pdf': {
    input: z.strictObject({ suggestedName: fileName }),
    output: returns<SaveResult>(),
  },
  'print:page': {
    input: z.strictObject({}),
    output: returns<PrintPageResult>(),
  },
  'shell:openExternal': {
    input: z.strictObject({ url: z.string().min(1).max(MAX_EXTERNAL_URL_LENGTH) }),
    output: returns<{ opened: boolean }>(),
  },
  'app:info': {
    input: z.strictObject({}),
    output: returns<AppInfoResult>(),
  },
  /*
   * The interface language (issue 18): the page says which one it speaks when it starts and when
   * the user changes it, and main rebuilds the menus and words its dialogs in it.
   */
  'app:setLanguage': {
    input: z.strictObject({ language: z.enum(LANGUAGE_CODES) }),
    output: returns<undefined>(),
  },
  'window:openPresenter': {
    input: z.strictObject({ workshopId: presenterId, sessionId: presenterId.optional() }),
    output: returns<{ opened: boolean }>(),
  },
  /*
   * Installed content packs (issue 15), addressed by id, version and file name: main never takes
   * a path from the page. Main's pack folder (electron/main/packFolder.ts) checks the same rules.
   */
  'packs:list': {
    input: z.strictObject({}),
    output: returns<InstalledPackRecord[]>(),
  },
  'packs:listDamaged': {
    input: z.strictObject({}),
    output: returns<string[]>(),
  },
  'packs:readFile': {
    input: z.strictObject({ packId, version: packVersion, name: storedPackFile }),
    output: returns<PackStoreAnswer<Uint8Array>>(),
  },
  'packs:install': {
    input: z.strictObject({ id: packId, version: storedPackVersion, files: storedPackFiles }),
    output: returns<PackStoreAnswer<undefined>>(),
  },
  'packs:rollback': {
    input: z.strictObject({ packId }),
    output: returns<PackStoreAnswer<undefined>>(),
  },
  'packs:remove': {
    input: z.strictObject({ packId }),
    output: returns<PackStoreAnswer<undefined>>(),
  },
  /*
   * The team folder (issue 16). Main opens the folder the user picks in its dialog and answers
   * with a token and the folder's name; every later request carries the token and a relative
   * path, never a folder of the page's choosing (electron/main/teamFolder/teamFolderSession.ts).
   */
  'team:choose': {
    input: z.strictObject({}),
    output: returns<OpenedTeamFolder | null>(),
  },
  'team:restore': {
    input: z.strictObject({}),
    output: returns<OpenedTeamFolder | null>(),
  },
  'team:forget': {
    input: z.strictObject({}),
    output: returns<undefined>(),
  },
  'team:list': {
    input: z.strictObject({ token: teamToken, dir: teamPath('root allowed') }),
    output: returns<TeamFolderAnswer<FolderEntry[]>>(),
  },
  'team:read': {
    input: z.strictObject({
      token: teamToken,
      path: teamPath('file'),
      maxBytes: z.number().int().min(0).max(MAX_TEAM_FILE_BYTES),
    }),
    output: returns<TeamFolderAnswer<FolderReadResult>>(),
  },
  'team:write': {
    input: z.strictObject({
      token: teamToken,
      path: teamPath('file'),
      bytes: bytes(MAX_TEAM_FILE_BYTES),
    }),
    output: returns<TeamFolderAnswer<undefined>>(),
  },
  'team:remove': {
    input: z.strictObject({ token: teamToken, path: teamPath('file') }),
    output: returns<TeamFolderAnswer<undefined>>(),
  },
  /*
   * The workshop room (issue 17). Main runs the room server in a utilityProcess
   * (electron/main/room/): the page lists this machine's interfaces, then sends the room's
   * protocol commands, each checked against the protocol's own schema; the room's events come
   * back on ROOM_EVENT_CHANNEL to the page that opened it. The page never reaches the room over
   * HTTP.
   */
  'room:interfaces': {
    input: z.strictObject({}),
    output: returns<RoomInterface[]>(),
  },
  'room:command': {
    input: presenterCommandSchema,
    output: returns<RoomCommandAnswer>(),
  },
} as const;

/**
 * Commands the native menu sends to the page (File → Search, Print, Import, Import content pack,
 * Export). With the team folder's change notice and the room's events they are the only messages
 * main sends unasked, on the channels below; the preload checks each command against this list
 * before the page sees it, passes a room event on only when it is shaped as one, and never passes
 * Electron's event object (or any payload of the change notice) on.
 */
export const MENU_COMMANDS = ['search', 'print', 'import', 'import-pack', 'export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const menuCommandSchema = z.enum(MENU_COMMANDS);
/** The main → renderer channel of menu commands; its payload is one {@link MenuCommand}. */
export const MENU_COMMAND_CHANNEL = 'menu:command';
/**
 * The main → renderer channel that says something changed in the team folder (debounced); it
 * carries nothing, and the page reads the folder to see what.
 */
export const TEAM_CHANGED_CHANNEL = 'team:changed';
/**
 * The main → renderer channel of the workshop room's events; its payload is one RoomEvent
 * (core/room/protocol.ts), sent only to the page that opened the room.
 */
export const ROOM_EVENT_CHANNEL = 'room:event';

/** Every channel name, e.g. `'storage:read'`. */
export type IpcChannel = keyof typeof ipcContract;
/** The parsed input of a channel. */
export type IpcInput<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['input']>;
/** The output of a channel. */
export type IpcOutput<C extends IpcChannel> =
  (typeof ipcContract)[C]['output'] extends Returns<infer T> ? T : never;

/** The list of channels, in contract order. */
export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type ActionOf<C extends string, D extends string> = C extends `${D}:${infer A}` ? A : never;

/**
 * The object the preload exposes as `window.onmuni`: `bridge.storage.read({ key })` invokes
 * `storage:read`. Derived from the contract so it can never drift from it.
 */
export type OnmuniBridge = {
  readonly [D in DomainOf<IpcChannel>]: {
    readonly [A in ActionOf<IpcChannel, D>]: (
      input: IpcInput<`${D}:${A}` & IpcChannel>,
    ) => Promise<IpcOutput<`${D}:${A}` & IpcChannel>>;
  };
} & {
  /** Subscribes to the native menu's commands; returns the function that unsubscribes. */
  readonly menu: { readonly onCommand: (listener: (command: MenuCommand) => void) => () => void };
  /** Subscribes to changes in the team folder; returns the function that unsubscribes. */
  readonly team: { readonly onChanged: (listener: () => void) => () => void };
  /** Subscribes to the workshop room's events; returns the function that unsubscribes. */
  readonly room: { readonly onEvent: (listener: (event: RoomEvent) => void) => () => void };
};

/** Splits `domain:action` into its parts. */
export function splitChannel(channel: IpcChannel): { domain: string; action: string } {
  const [domain = '', action = ''] = channel.split(':');
  return { domain, action };
}
