/**
 * Printing: to paper through the system dialog, or to a PDF at a path the user chooses.
 */
import type { BrowserWindow } from 'electron';
import type { IpcInput, PrintPageResult, SaveResult } from '../shared/ipcContract';
import { choosePathToSave, saveToChosenPath } from './dialogs';

/** Renders the window's page to PDF (US Letter, as used in Canadian offices) and saves it. */
export async function printToPdf(
  window: BrowserWindow,
  options: IpcInput<'print:pdf'>,
): Promise<SaveResult> {
  const name = options.suggestedName.toLowerCase().endsWith('.pdf')
    ? options.suggestedName
    : `${options.suggestedName}.pdf`;
  // An error (e.g. a typed name whose .pdf form already exists) is said, not taken as a cancel.
  const choice = await choosePathToSave(window, name, ['pdf']);
  if (choice.status !== 'chosen') return choice;
  const { path } = choice;
  const pdf = await window.webContents.printToPDF({
    pageSize: 'Letter',
    printBackground: true,
    generateDocumentOutline: true,
  });
  return saveToChosenPath(path, pdf);
}

/** Opens the system print dialog for the window's page. */
export function printPage(window: BrowserWindow): Promise<PrintPageResult> {
  return new Promise((resolve) => {
    window.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
      resolve(success ? { status: 'printed' } : { status: 'cancelled', reason });
    });
  });
}
