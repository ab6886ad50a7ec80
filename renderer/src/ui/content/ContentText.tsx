import { useCallback } from 'react';
import type { Language } from '../../../../electron/shared/language';
import { useInterfaceLanguage } from '../common/i18n/useInterfaceLanguage';
import { splitEnglishSpans } from '../../core/markdown/englishSpanText';

/**
 * The `lang` an element needs to show content written in `language` in the current interface:
 * that language when it is not the interface's (an English document in the French interface
 * gets `lang="en"`, WCAG 3.1.2), nothing otherwise (the page's `lang` already says it).
 */
export function useLangMark(): (language: Language) => Language | undefined {
  const shown = useInterfaceLanguage();
  return useCallback((language) => (language === shown ? undefined : language), [shown]);
}

/**
 * A plain-text field of content (a title, a summary) with its `[text]{lang=en}` spans shown as
 * `<span lang="en">` and their markup dropped, as the Markdown pipeline does for bodies.
 */
export function ContentText({ text }: { text: string }) {
  const parts = splitEnglishSpans(text);
  if (parts.length === 1 && parts[0]?.english === false) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) =>
        part.english ? (
          <span key={index} lang="en">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
