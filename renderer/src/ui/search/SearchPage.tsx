import { ComingSoon } from '../shell/ComingSoon';

/** Placeholder until the Search feature lands: says plainly what the page will do. */
export function SearchPage() {
  return (
    <ComingSoon title="Search">
      Search will find any word or phrase across the library in an instant, with filters by topic
      and document type, and no internet connection needed.
    </ComingSoon>
  );
}
