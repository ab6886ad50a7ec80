import { ComingSoon } from '../shell/ComingSoon';

/** Placeholder until the Workshops feature lands: says plainly what the page will do. */
export function WorkshopsPage() {
  return (
    <ComingSoon title="Workshops">
      Workshops will give you ready-made agendas and exercises for running a digital-readiness
      session with council or staff, including a maturity self-assessment.
    </ComingSoon>
  );
}
