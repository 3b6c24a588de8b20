import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { useTemplates } from '@/lib/i18n';
import { runImportJob, type ImportWorkerRequest } from '@/lib/import-job';

// A dedicated worker of the settings page: reads an import file off the page's thread.
export default defineUnlistedScript(() => {
  self.onmessage = (event: MessageEvent<ImportWorkerRequest>) => {
    const { messages, ...request } = event.data;
    // No i18n API here: the problems it finds are worded from the page's templates.
    useTemplates(messages);
    void runImportJob(request, (message) => self.postMessage(message));
  };
});
