import { browser } from 'wxt/browser';

/** Feedback on the toolbar button, for actions taken without the popup open. */
export interface Badge {
  flash(text: string, color: string, title: string): Promise<void>;
}

const SHOW_FOR_MS = 4000;

export function browserBadge(): Badge {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    async flash(text, color, title) {
      clearTimeout(timer);
      await Promise.all([
        browser.action.setBadgeBackgroundColor({ color }),
        browser.action.setBadgeText({ text }),
        browser.action.setTitle({ title }),
      ]);
      timer = setTimeout(() => {
        void browser.action.setBadgeText({ text: '' });
        void browser.action.setTitle({ title: 'Tabkeep' });
      }, SHOW_FOR_MS);
    },
  };
}
