import { useEffect, useState } from 'react';
import type { OwnCollectionContext } from '../../core/ownDocuments/buildCollection';
import { wordError } from '../common/i18n/wordMessage';
import { loadBundledLibrary } from '../content/contentData';
import type { Loadable } from '../content/useContent';

/**
 * What own documents are written against: the bundled library's topics (the editor's choices)
 * and its document ids (what links may name). The bundled library never changes while the app
 * runs, so this loads once.
 */
export function useBundledContext(): Loadable<OwnCollectionContext> {
  const [state, setState] = useState<Loadable<OwnCollectionContext>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadBundledLibrary().then(
      (catalog) =>
        live &&
        setState({
          status: 'ready',
          value: {
            vocabulary: catalog.vocabulary,
            bundledIds: new Set(catalog.entries.map((entry) => entry.id)),
          },
        }),
      (error: unknown) => live && setState({ status: 'error', message: wordError(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
