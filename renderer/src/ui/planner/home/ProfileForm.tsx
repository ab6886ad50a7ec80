import { refusalMessage } from '../../../core/store/StoreSession';
import { useState } from 'react';
import {
  PROFILE_REGIONS,
  PROFILE_TIERS,
  type MunicipalityProfile,
} from '../../../core/planner/schema';
import { setProfile } from '../../../core/planner/operations/plans';
import { REGION_LABELS, TIER_LABELS } from '../plannerLabels';
import { TYPING_SAVE_DELAY_MS, type PlannerSession } from '../plannerSession';

export interface ProfileFormProps {
  session: PlannerSession;
  profile: MunicipalityProfile;
}

/** The municipality's name, tier, region and population; every change is saved. */
export function ProfileForm({ session, profile }: ProfileFormProps) {
  const [population, setPopulation] = useState(profile.population?.toString() ?? '');
  const [error, setError] = useState('');

  const change = (patch: Partial<MunicipalityProfile>, delay = 0) => {
    const changed = session.apply((db) => setProfile(db, { ...db.profile, ...patch }), delay);
    setError(refusalMessage(changed) ?? '');
  };

  const changePopulation = (text: string) => {
    setPopulation(text);
    const digits = text.replace(/[\s,]/g, '');
    if (digits === '') return change({ population: null }, TYPING_SAVE_DELAY_MS);
    if (!/^\d+$/.test(digits) || Number(digits) < 1) {
      setError('Population must be a whole number, such as 4200.');
      return;
    }
    change({ population: Number(digits) }, TYPING_SAVE_DELAY_MS);
  };

  return (
    <form className="planner-form" onSubmit={(event) => event.preventDefault()} noValidate>
      <div className="field">
        <label htmlFor="profile-name">Municipality name</label>
        <input
          id="profile-name"
          className="ontario-input"
          value={profile.name}
          maxLength={120}
          onChange={(event) => change({ name: event.target.value }, TYPING_SAVE_DELAY_MS)}
          onBlur={() => session.flush()}
        />
      </div>
      <div className="field">
        <label htmlFor="profile-tier">Tier</label>
        <select
          id="profile-tier"
          className="ontario-input"
          value={profile.tier ?? ''}
          onChange={(event) =>
            change({ tier: (event.target.value || null) as MunicipalityProfile['tier'] })
          }
        >
          <option value="">Not set</option>
          {PROFILE_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {TIER_LABELS[tier]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="profile-region">Region</label>
        <select
          id="profile-region"
          className="ontario-input"
          value={profile.region ?? ''}
          onChange={(event) =>
            change({ region: (event.target.value || null) as MunicipalityProfile['region'] })
          }
        >
          <option value="">Not set</option>
          {PROFILE_REGIONS.map((region) => (
            <option key={region} value={region}>
              {REGION_LABELS[region]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="profile-population">Population</label>
        <input
          id="profile-population"
          className="ontario-input field__short"
          inputMode="numeric"
          value={population}
          onChange={(event) => changePopulation(event.target.value)}
          onBlur={() => session.flush()}
        />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
