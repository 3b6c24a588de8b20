import { browser } from 'wxt/browser';
import type { ContainersAdapter } from '../adapters/containers';
import type { TabGroupsAdapter } from '../adapters/tab-groups';
import type { RawBrowserState, RawWindow } from './raw';

/** Every browser read a snapshot needs, done up front and outside any transaction. */
export async function readBrowserState(
  tabGroups: TabGroupsAdapter,
  containers: ContainersAdapter,
): Promise<RawBrowserState> {
  const [windows, groups, containerList, incognitoAllowed] = await Promise.all([
    browser.windows.getAll({ populate: true, windowTypes: ['normal'] }),
    // A window closing mid-read can make the group query fail; tabs still get saved.
    tabGroups.query().catch(() => []),
    containers.query(),
    browser.extension.isAllowedIncognitoAccess(),
  ]);
  return {
    windows: windows as RawWindow[],
    groups,
    containers: containerList,
    incognitoAllowed,
  };
}
