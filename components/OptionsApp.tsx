import { ExportPanel } from './ExportPanel';
import { SettingsForm } from './SettingsForm';
import { StorageLine } from './StorageLine';

/** The options page: autosave settings, export and storage health. */
export function OptionsApp() {
  return (
    <main class="options">
      <h1>Tabkeep settings</h1>
      <SettingsForm />
      <ExportPanel />
      <h2>Storage</h2>
      <StorageLine />
    </main>
  );
}
