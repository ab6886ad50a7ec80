/**
 * The application's id: electron-builder.yml's `appId` (a unit test keeps the two equal). Windows
 * groups taskbar buttons, pins and notifications by it (app.setAppUserModelId), so the running
 * app and its installer must agree on it.
 */
export const APP_ID = 'ca.onmuni.toolkit';
