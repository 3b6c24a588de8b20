import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { LoginsPanel } from './LoginsPanel';
import { SettingsForm } from './SettingsForm';
import { StoredStorageLine } from './StoredStorageLine';

/** The options page: autosave settings, import, export and storage health. */
export function OptionsApp() {
  return (
    <main class="options">
      <h1>Tabkeep settings</h1>
      <SettingsForm />
      <LoginsPanel />
      <ImportPanel />
      <ExportPanel />
      <h2>Storage</h2>
      <StoredStorageLine />
    </main>
  );
}
