import { parseLazyUrl } from '../../../lib/lazy-url';

export interface TabView {
  id: number;
  url: string;
  title: string;
  active: boolean;
  status: string;
  discarded: boolean;
}

export interface WindowView {
  id: number;
  tabs: TabView[];
}

/** The address a tab stands for: the real one behind our lazy page, else its own. */
export function realUrl(extensionOrigin: string, url: string): string {
  return parseLazyUrl(extensionOrigin, url)?.url ?? url;
}

export function isLazyPage(extensionOrigin: string, url: string): boolean {
  return parseLazyUrl(extensionOrigin, url) !== null;
}
