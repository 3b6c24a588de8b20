import { t } from '@/lib/i18n';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { LoginsPanel } from './LoginsPanel';
import { SettingsForm } from './SettingsForm';
import { StoredStorageLine } from './StoredStorageLine';

/** The manager's settings view (what the options page was): autosave, logins, files, storage. */
export function SettingsView() {
  return (
    <>
      <SettingsForm />
      <LoginsPanel />
      <ImportPanel />
      <ExportPanel />
      <h2>{t('storageName')}</h2>
      <StoredStorageLine />
    </>
  );
}
