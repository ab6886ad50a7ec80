import { useEffect, useState } from 'react';
import type { OwnCollectionContext } from '../../core/ownDocuments/buildCollection';
import { wordError } from '../common/i18n/wordMessage';
import { loadBundledLibrary, loadReleaseText } from '../content/contentData';
import type { Loadable } from '../content/useContent';

let contextPromise: Promise<OwnCollectionContext> | null = null;

/**
 * What own documents are written against: the bundled library's topics (the editor's choices),
 * its document ids (what links may name) and AMO's release (what quotations of AMO must match).
 * The bundled library never changes while the app runs, so this loads once (again after a failure).
 */
export function loadOwnContext(): Promise<OwnCollectionContext> {
  contextPromise ??= Promise.all([loadBundledLibrary(), loadReleaseText()]).then(
    ([catalog, releaseText]) => ({
      vocabulary: catalog.vocabulary,
      bundledIds: new Set(catalog.entries.map((entry) => entry.id)),
      releaseText,
    }),
    (error: unknown) => {
      contextPromise = null;
      throw error;
    },
  );
  return contextPromise;
}

/** {@link loadOwnContext} for a component. */
export function useBundledContext(): Loadable<OwnCollectionContext> {
  const [state, setState] = useState<Loadable<OwnCollectionContext>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadOwnContext().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'error', message: wordError(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
