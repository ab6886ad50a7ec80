import {
  POPULATION_BAND_RANGES,
  TYPE_KEYS,
  type DocType,
  type PopulationBand,
} from '../../core/content/types';
import { formatNumber } from '../common/i18n/format';
import { t } from '../common/i18n/i18n';

// The words for what core names by id (document types, population bands), shared by every screen
// that shows them: the library, search, the reader, the planner, workshops and annotations.

/**
 * A document type's name: `one` for a single document ("Case study"), `many` for a group of
 * them, as the library's headings and filters say it ("Case studies", "How-to guide").
 */
export function typeLabel(type: DocType, form: 'one' | 'many'): string {
  return t(`content:type.${TYPE_KEYS[type]}.${form}`);
}

/** A population band as the library's filters name it, e.g. "5,000 to 25,000". */
export function populationBandLabel(band: PopulationBand): string {
  if (band === 'unknown') return t('content:populationBand.unknown');
  const { min, max } = POPULATION_BAND_RANGES[band];
  if (max === undefined) return t('content:populationBand.over', { min: formatNumber(min) });
  if (min === 0) return t('content:populationBand.under', { max: formatNumber(max) });
  return t('content:populationBand.between', {
    min: formatNumber(min),
    max: formatNumber(max),
  });
}
