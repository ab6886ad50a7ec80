import 'i18next';
import type { en } from '../../../locales/en';

// Every `t()` call is checked against the English catalogue: a missing key or a missing
// interpolation value is a type error, not an untranslated string at run time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
    returnNull: false;
  }
}
