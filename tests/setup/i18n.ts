// The app loads its message catalogue in main.tsx before anything renders; tests render
// components on their own, so every test file gets the same catalogue loaded first.
import '../../renderer/src/ui/common/i18n/i18n';
