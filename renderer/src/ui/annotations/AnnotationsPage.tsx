import { ComingSoon } from '../shell/ComingSoon';

/** Placeholder until the Annotations feature lands: says plainly what the page will do. */
export function AnnotationsPage() {
  return (
    <ComingSoon title="Annotations">
      Annotations will gather the highlights and notes you make while reading, so you can find, edit
      and share them with colleagues.
    </ComingSoon>
  );
}
