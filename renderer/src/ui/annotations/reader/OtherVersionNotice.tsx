import { Trans, useTranslation } from 'react-i18next';
import type { Language } from '../../../../../electron/shared/language';
import { LANGUAGE_NAMES } from '../../common/i18n/i18n';

/**
 * Why the highlight a link asked for (`?annotation=<id>`) is not shown: the annotation belongs
 * to the document's version in `language`, another text than the one in the reader. Says how
 * to see it in place, naming the language as the Language field lists it (in itself, marked with
 * its `lang`). A live region, present while empty, so screen readers hear it when it fills.
 */
export function OtherVersionNotice({ language }: { language: Language | null }) {
  const { t } = useTranslation('annotations');
  return (
    <p className="anno-notice" role="status">
      {language === null ? null : (
        <Trans
          t={t}
          i18nKey={`reader.otherVersion.${language}`}
          values={{ language: LANGUAGE_NAMES[language] }}
          components={{ lang: <span lang={language} /> }}
        />
      )}
    </p>
  );
}
