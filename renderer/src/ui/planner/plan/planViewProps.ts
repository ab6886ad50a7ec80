import type { PlanId } from '../../../core/planner/ids';
import type { PlannerDatabase } from '../../../core/planner/schema';
import type { PlannerSession } from '../plannerSession';

/** What every view of a plan gets. */
export interface PlanViewProps {
  session: PlannerSession;
  db: PlannerDatabase;
  planId: PlanId;
}
