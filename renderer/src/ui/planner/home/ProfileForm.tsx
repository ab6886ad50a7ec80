import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROFILE_REGIONS,
  PROFILE_TIERS,
  type MunicipalityProfile,
} from '../../../core/planner/schema';
import { setProfile } from '../../../core/planner/operations/plans';
import { errorOn, formErrorOf, type FormError } from '../../common/fields/formError';
import { SaveAsYouTypeForm } from '../../common/fields/SaveAsYouTypeForm';
import { SelectField } from '../../common/fields/SelectField';
import { TextField } from '../../common/fields/TextField';
import { wordRefusal } from '../../common/i18n/wordMessage';
import { regionLabel, tierLabel } from '../plannerLabels';
import { TYPING_SAVE_DELAY_MS } from '../../../core/store/sessionLoader';
import type { PlannerSession } from '../plannerSession';

export interface ProfileFormProps {
  session: PlannerSession;
  profile: MunicipalityProfile;
}

/** The municipality's name, tier, region and population; every change is saved. */
export function ProfileForm({ session, profile }: ProfileFormProps) {
  const { t } = useTranslation('planner');
  const [population, setPopulation] = useState(profile.population?.toString() ?? '');
  const [error, setError] = useState<FormError<'population'> | null>(null);

  const change = (patch: Partial<MunicipalityProfile>, delay = 0) => {
    const changed = session.apply((db) => setProfile(db, { ...db.profile, ...patch }), delay);
    const refused = wordRefusal(changed);
    setError(refused === null ? null : { message: refused });
  };

  const changePopulation = (text: string) => {
    setPopulation(text);
    const digits = text.replace(/[\s,]/g, '');
    if (digits === '') return change({ population: null }, TYPING_SAVE_DELAY_MS);
    if (!/^\d+$/.test(digits) || Number(digits) < 1) {
      setError({
        field: 'population',
        message: t('profile.populationInvalid'),
      });
      return;
    }
    change({ population: Number(digits) }, TYPING_SAVE_DELAY_MS);
  };

  return (
    <SaveAsYouTypeForm className="planner-form">
      <TextField
        label={t('profile.name')}
        value={profile.name}
        maxLength={120}
        onChange={(event) => change({ name: event.target.value }, TYPING_SAVE_DELAY_MS)}
        onBlur={() => session.flush()}
      />
      <SelectField
        label={t('profile.tier')}
        value={profile.tier ?? ''}
        onChange={(event) =>
          change({ tier: (event.target.value || null) as MunicipalityProfile['tier'] })
        }
      >
        <option value="">{t('profile.notSet')}</option>
        {PROFILE_TIERS.map((tier) => (
          <option key={tier} value={tier}>
            {tierLabel(tier)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('profile.region')}
        value={profile.region ?? ''}
        onChange={(event) =>
          change({ region: (event.target.value || null) as MunicipalityProfile['region'] })
        }
      >
        <option value="">{t('profile.notSet')}</option>
        {PROFILE_REGIONS.map((region) => (
          <option key={region} value={region}>
            {regionLabel(region)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('profile.population')}
        controlClassName="field__short"
        inputMode="numeric"
        value={population}
        error={errorOn(error, 'population')}
        onChange={(event) => changePopulation(event.target.value)}
        onBlur={() => session.flush()}
      />
      {formErrorOf(error) && (
        <p className="field-error" role="alert">
          {formErrorOf(error)}
        </p>
      )}
    </SaveAsYouTypeForm>
  );
}
