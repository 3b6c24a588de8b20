import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

// Does nothing: the benchmark's script-floor page times the fetch of a script alone.
export default defineUnlistedScript(() => undefined);
