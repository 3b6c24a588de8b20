import type { WindowSnap } from '../model';
import type { TabEdit } from '../protocol';
import { dedupeTabs } from './dedupe';
import { moveTabs } from './move-tabs';
import { removeTabs } from './remove-tabs';
import { countTabs } from '../model';

/** One edit from the protocol over a session's windows; pure. */
export function applyTabEdit(
  windows: readonly WindowSnap[],
  edit: TabEdit,
): { windows: WindowSnap[]; removed: number } {
  switch (edit.op) {
    case 'remove': {
      const out = removeTabs(windows, edit.tabs);
      return { windows: out, removed: countTabs(windows) - countTabs(out) };
    }
    case 'move':
      return { windows: moveTabs(windows, edit.tabs, edit.to), removed: 0 };
    case 'dedupe':
      return dedupeTabs(windows);
  }
}
