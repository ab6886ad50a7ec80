import { ComingSoon } from '../shell/ComingSoon';

/** Placeholder until the Planner feature lands: says plainly what the page will do. */
export function PlannerPage() {
  return (
    <ComingSoon title="Planner">
      The planner will help you turn the report’s recommendations into your municipality’s own
      digital projects, with steps, owners, dates and progress you can export.
    </ComingSoon>
  );
}
