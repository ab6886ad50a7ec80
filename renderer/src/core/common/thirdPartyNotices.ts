/**
 * The file each build writes beside its bundle (build/vite/thirdPartyNotices.ts): the
 * third-party packages bundled into it, with their licences. The About page shows the app
 * pages' one, which the desktop app and the browser edition both serve from their own folder.
 */
export const THIRD_PARTY_NOTICES_FILE = 'third-party-notices.txt';
