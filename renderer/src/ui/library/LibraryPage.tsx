import { ComingSoon } from '../shell/ComingSoon';

/** Placeholder until the Library feature lands: says plainly what the page will do. */
export function LibraryPage() {
  return (
    <ComingSoon title="Library">
      The library will hold the whole #OnMuni Online report, its key issues, opportunities and
      recommendations, case studies and how-to guide, organised by topic and readable offline.
    </ComingSoon>
  );
}
