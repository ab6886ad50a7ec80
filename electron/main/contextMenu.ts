/**
 * The right-click menu. Chromium shows none of its own in Electron, so without this a user cannot
 * paste with the mouse. It offers editing and spelling only: never "Search the web", "Look Up",
 * "Open link" or "Inspect Element", so nothing in it leaves the app or opens developer tools.
 */
import {
  BrowserWindow,
  Menu,
  type ContextMenuParams,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { t } from './i18n/i18n';

/** The parts of Electron's ContextMenuParams the menu is built from. */
export interface ContextMenuInput {
  isEditable: boolean;
  editFlags: Pick<
    ContextMenuParams['editFlags'],
    'canCut' | 'canCopy' | 'canPaste' | 'canSelectAll'
  >;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: readonly string[];
}

export interface ContextMenuOptions {
  /** Offer spelling suggestions (macOS only: its native checker downloads nothing). */
  spellcheck: boolean;
  /** Replaces the misspelled word under the pointer with `word`. */
  replaceMisspelling: (word: string) => void;
  /** Stops `word` from being marked as misspelled. */
  addToDictionary: (word: string) => void;
}

function spellingGroup(
  params: ContextMenuInput,
  options: ContextMenuOptions,
): MenuItemConstructorOptions[] {
  const word = params.misspelledWord;
  if (!options.spellcheck || !params.isEditable || word === '') return [];
  return [
    ...params.dictionarySuggestions.map((suggestion) => ({
      label: suggestion,
      click: () => options.replaceMisspelling(suggestion),
    })),
    { label: t('menu.addToDictionary'), click: () => options.addToDictionary(word) },
  ];
}

function editGroup({ isEditable, editFlags, selectionText }: ContextMenuInput) {
  const items: MenuItemConstructorOptions[] = [];
  if (isEditable) {
    items.push(
      { role: 'cut', label: t('menu.cut'), enabled: editFlags.canCut },
      { role: 'copy', label: t('menu.copy'), enabled: editFlags.canCopy },
      { role: 'paste', label: t('menu.paste'), enabled: editFlags.canPaste },
      { role: 'selectAll', label: t('menu.selectAll'), enabled: editFlags.canSelectAll },
    );
  } else if (selectionText.trim() !== '') {
    items.push(
      { role: 'copy', label: t('menu.copy'), enabled: editFlags.canCopy },
      { role: 'selectAll', label: t('menu.selectAll'), enabled: editFlags.canSelectAll },
    );
  }
  return items;
}

/**
 * The menu for one right-click (pure, so it can be checked in tests). Groups are separated by a
 * separator; empty groups are left out, so there is never a leading, trailing or double one. An
 * empty array means there is nothing to offer and no menu should appear.
 */
export function buildContextMenuTemplate(
  params: ContextMenuInput,
  options: ContextMenuOptions,
): MenuItemConstructorOptions[] {
  const groups = [spellingGroup(params, options), editGroup(params)].filter((g) => g.length > 0);
  return groups.flatMap((group, index) =>
    index === 0 ? group : [{ type: 'separator' as const }, ...group],
  );
}

/** Shows the menu on every right-click in `contents`, when there is something to show. */
export function installContextMenu(
  contents: WebContents,
  { spellcheck }: { spellcheck: boolean },
): void {
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, {
      spellcheck,
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => {
        contents.session.addWordToSpellCheckerDictionary(word);
      },
    });
    if (template.length === 0) return;
    const window = BrowserWindow.fromWebContents(contents) ?? undefined;
    Menu.buildFromTemplate(template).popup({ window });
  });
}
