import type { WindowSnap } from '../model';
import { placeKeys, placesOf } from './positions';
import { tidyWindows } from './tidy';

/** The windows without the tabs at these positions (see positions.ts). */
export function removeTabs(
  windows: readonly WindowSnap[],
  positions: readonly number[],
): WindowSnap[] {
  const gone = placeKeys(placesOf(windows, positions));
  return tidyWindows(
    windows.map((w, wi) => ({ ...w, tabs: w.tabs.filter((_, ti) => !gone.has(`${wi}:${ti}`)) })),
  );
}
