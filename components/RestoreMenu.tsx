import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SessionSummary } from '@/lib/model';
import { t, type MessageKey } from '@/lib/i18n';
import type { RestoreMode } from '@/lib/restore/mode';
import { counted } from './format';
import './restore-menu.css';

interface Props {
  session: SessionSummary;
  onRestore(session: SessionSummary, mode: RestoreMode): void;
  /** The row's roving tab stop (see SessionList). */
  tabIndex?: number;
}

const ITEMS: { label: MessageKey; mode: RestoreMode }[] = [
  { label: 'restoreReplace', mode: { kind: 'replace' } },
  { label: 'restoreIntoCurrent', mode: { kind: 'current' } },
  { label: 'restoreOneWindow', mode: { kind: 'oneWindow' } },
];

/**
 * The other ways to restore a session, beside its Restore button: a menu button with a
 * keyboard-operable menu (arrows, Home, End, Escape). Replace asks first, inline.
 */
export function RestoreMenu({ session, onRestore, tabIndex }: Props) {
  const [open, setOpen] = useState(false);
  /** The number of windows Replace would close, while its confirmation shows. */
  const [replacing, setReplacing] = useState<number | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);

  const items = () => [...(menu.current?.querySelectorAll('button') ?? [])];
  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);
  useEffect(() => {
    if (replacing !== null) confirm.current?.focus();
  }, [replacing]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const choose = async (mode: RestoreMode) => {
    setOpen(false);
    if (mode.kind !== 'replace') {
      onRestore(session, mode);
      return;
    }
    const windows = await browser.windows.getAll({ windowTypes: ['normal'] });
    setReplacing(windows.length);
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') setOpen(false);
  };

  return (
    <span class="restore-menu">
      <button
        type="button"
        ref={button}
        tabIndex={tabIndex}
        aria-label={t('moreRestoreOptionsFor', session.name)}
        title={t('moreRestoreOptions')}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        ▾
      </button>
      {open && (
        <ul
          class="restore-options"
          role="menu"
          ref={menu}
          aria-label={t('restoreOptionsFor', session.name)}
          onKeyDown={onMenuKey}
          onFocusOut={(e) => {
            // Focus leaving the menu (a click elsewhere) closes it.
            if (!menu.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
          }}
        >
          {ITEMS.map(({ label, mode }) => (
            <li role="none" key={mode.kind}>
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void choose(mode)}>
                {t(label)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {replacing !== null && (
        <div
          class="confirm restore-confirm"
          role="alertdialog"
          aria-label={t('replaceWith', session.name)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setReplacing(null);
          }}
        >
          <p>{t('replaceQuestion', counted(replacing, 'OpenWindow'), session.name)}</p>
          <button
            type="button"
            class="primary"
            ref={confirm}
            onClick={() => {
              setReplacing(null);
              onRestore(session, { kind: 'replace' });
            }}
          >
            {t('replaceConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setReplacing(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </span>
  );
}
