import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SessionSummary } from '@/lib/model';
import { itemHeight, listItems, offsetsOf, visibleRange, type ListItem } from '@/lib/session-list';
import type { SortKey } from '@/lib/session-list';
import { t } from '@/lib/i18n';
import { SessionRow, type RowActions } from './SessionRow';

/** Rows drawn beyond the viewport, so a quick scroll shows no gap. */
const OVERSCAN = 6;
const VIEWPORT = 360;

interface Props extends RowActions {
  sessions: SessionSummary[];
  sort: SortKey;
  /** Arrow keys from the search field land here. */
  focusRequest: number;
}

/**
 * The saved sessions as one virtualised list: only the rows in view are in the page.
 * Arrow keys move between rows, Enter restores, Delete deletes (see SessionRow).
 */
export function SessionList({ sessions, sort, focusRequest, ...actions }: Props) {
  const [autosavesOpen, setAutosavesOpen] = useState(false);
  const [scrollTop, setScrollTop] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const items = useMemo(
    () => listItems(sessions, { sort, autosavesOpen }),
    [sessions, sort, autosavesOpen],
  );
  const offsets = useMemo(() => offsetsOf(items), [items]);
  const rows = useMemo(() => items.flatMap((item, i) => (item.kind === 'row' ? [i] : [])), [items]);
  const selectedIndex = items.findIndex((it) => it.key === selected);
  const current = selectedIndex >= 0 ? selectedIndex : (rows[0] ?? -1);

  const [first, last] = visibleRange(offsets, scrollTop, VIEWPORT);
  const from = Math.max(0, first - OVERSCAN);
  const to = Math.min(items.length - 1, last + OVERSCAN);

  const move = (to: number) => {
    const index = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (index === undefined) return;
    setSelected(items[index]!.key);
    const el = box.current;
    if (el === null) return;
    const top = offsets[index]!;
    const bottom = offsets[index + 1]!;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
    setScrollTop(el.scrollTop);
    focusPending.current = true;
  };
  const focusPending = useRef(false);
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const key = items[current]?.key;
    if (key !== undefined) {
      box.current?.querySelector<HTMLElement>(`[data-session-id="${CSS.escape(key)}"]`)?.focus();
    }
  });
  // A layout effect: the row has the focus before the next key press is handled.
  useLayoutEffect(() => {
    if (focusRequest > 0) move(0);
    // Only a new request moves the focus.
  }, [focusRequest]);

  const onKeyDown = (e: KeyboardEvent) => {
    const row = rows.indexOf(current);
    // Keys pressed in a row's buttons, menu or rename field are theirs.
    if (!(e.target instanceof HTMLElement) || !e.target.matches('li.session')) return;
    if (e.key === 'ArrowDown') move(row + 1);
    else if (e.key === 'ArrowUp') move(row - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === 'PageDown') move(row + 5);
    else if (e.key === 'PageUp') move(row - 5);
    else return;
    e.preventDefault();
  };

  const drawn: ListItem[] = items.slice(from, to + 1);
  return (
    <div
      class="session-scroll"
      ref={box}
      style={{ maxHeight: `${VIEWPORT}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <ul
        class="sessions"
        aria-label={t('listSaved')}
        style={{
          paddingTop: `${offsets[from] ?? 0}px`,
          paddingBottom: `${offsets[items.length]! - (offsets[to + 1] ?? 0)}px`,
        }}
      >
        {drawn.map((item, i) => (
          <Item
            key={item.key}
            item={item}
            current={from + i === current}
            total={rows.length}
            rowNumber={rows.indexOf(from + i) + 1}
            onToggle={() => setAutosavesOpen((open) => !open)}
            onFocusRow={(key) => setSelected(key)}
            actions={actions}
          />
        ))}
      </ul>
    </div>
  );
}

function Item({
  item,
  current,
  total,
  rowNumber,
  onToggle,
  onFocusRow,
  actions,
}: {
  item: ListItem;
  current: boolean;
  total: number;
  rowNumber: number;
  onToggle(): void;
  onFocusRow(key: string): void;
  actions: RowActions;
}) {
  const style = { height: `${itemHeight(item)}px` };
  switch (item.kind) {
    case 'heading':
      return (
        <li class="list-heading" style={style}>
          <h2>{t(item.label)}</h2>
        </li>
      );
    case 'empty':
      return (
        <li class="empty" style={style}>
          {t('listEmpty')}
        </li>
      );
    case 'toggle':
      return (
        <li class="list-toggle" style={style}>
          <button type="button" aria-expanded={item.open} onClick={onToggle}>
            {t('listAutosaves', item.count)}
          </button>
        </li>
      );
    case 'row':
      return (
        <SessionRow
          session={item.session}
          section={item.section}
          style={style}
          tabIndex={current ? 0 : -1}
          setSize={total}
          position={rowNumber}
          onFocus={() => onFocusRow(item.key)}
          {...actions}
        />
      );
  }
}
