import { ComingSoon } from '../shell/ComingSoon';

/** Placeholder until the Reader lands. */
export function ReaderPage() {
  return (
    <ComingSoon title="Document">The reader will show one document of the library.</ComingSoon>
  );
}
