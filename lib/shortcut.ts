import type { Badge } from './adapters/badge';
import { messageFor } from './errors';
import { t } from './i18n';
import type { ServiceApi } from './protocol';

export const SAVE_COMMAND = 'save-session';

/** The save shortcut: saves with the default name and answers on the badge. */
export async function saveFromShortcut(
  service: Pick<ServiceApi, 'save'>,
  badge: Badge,
): Promise<void> {
  try {
    const { session } = await service.save({});
    await badge.flash('✓', '#1a7f37', t('noteSavedBadge', session.name, session.tabCount));
  } catch (error) {
    await badge.flash('!', '#cf222e', t('warningSaveFailedBadge', messageFor(error)));
  }
}
