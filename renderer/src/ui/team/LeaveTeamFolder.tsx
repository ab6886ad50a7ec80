import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wordError } from '../common/i18n/wordMessage';
import { ConfirmDialog } from './ConfirmDialog';
import type { TeamSession } from './teamSession';

/** "Leave team folder", after a confirmation that says what is kept (everything local). */
export function LeaveTeamFolder({
  session,
  folderName,
}: {
  session: TeamSession;
  folderName: string;
}) {
  const { t } = useTranslation('team');
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState('');
  const leave = () => {
    setAsking(false);
    session.leave().catch((error: unknown) => setProblem(wordError(error)));
  };
  return (
    <>
      <p>
        <button
          type="button"
          className="button button--secondary"
          aria-haspopup="dialog"
          onClick={() => setAsking(true)}
        >
          {t('leave.button')}
        </button>
      </p>
      {problem && <p role="alert">{problem}</p>}
      {asking && (
        <ConfirmDialog
          title={t('leave.title', { folder: folderName })}
          confirmText={t('leave.confirm')}
          cancelText={t('leave.cancel')}
          onConfirm={leave}
          onCancel={() => setAsking(false)}
        >
          <p>{t('leave.body')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
