import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runImportJob, type ImportJobRequest } from '@/lib/import-job';

// A dedicated worker of the settings page: reads an import file off the page's thread.
export default defineUnlistedScript(() => {
  self.onmessage = (event: MessageEvent<ImportJobRequest>) => {
    void runImportJob(event.data, (message) => self.postMessage(message));
  };
});
