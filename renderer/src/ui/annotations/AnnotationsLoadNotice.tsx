import { useTranslation } from 'react-i18next';
import { LoadNotice } from '../common/LoadNotice';
import type { LoadReport } from '../../core/store/DocumentStorage';
import { describeAnnotationsLoad } from './labels';

/** Says, when it happened, that the stored annotations could not all be used as they were. */
export function AnnotationsLoadNotice({ report }: { report: LoadReport }) {
  const { t } = useTranslation('annotations');
  const message = describeAnnotationsLoad(report);
  if (!message) return null;
  return <LoadNotice title={t('load.title')} summary={message} />;
}
