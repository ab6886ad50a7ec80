import { useTranslation } from 'react-i18next';
import { annotationLanguageOf, type Annotation } from '../../core/annotations';
import { useLangMark } from '../content/ContentText';

/**
 * Which language's version of its document an annotation belongs to, shown only when that is
 * not the interface's language (its highlight then shows only in that language's reader). The
 * label is written in that language, as a language toggle names each language in itself
 * (« Version française » in the English interface, "English version" in the French one), and
 * marked with its `lang` (WCAG 3.1.2).
 */
export function VersionLabel({ annotation }: { annotation: Annotation }) {
  const { i18n } = useTranslation();
  const language = annotationLanguageOf(annotation);
  const lang = useLangMark()(language);
  if (lang === undefined) return null;
  return (
    <span className="anno-version" lang={lang}>
      {i18n.getFixedT(language, 'annotations')('item.version')}
    </span>
  );
}
