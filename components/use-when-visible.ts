import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `onVisible` each time the element scrolls into view of its scrolling ancestor:
 * results load their next page as the person scrolls down to the end, with no click.
 */
export function useWhenVisible<T extends Element>(onVisible: () => void) {
  const ref = useRef<T>(null);
  const latest = useRef(onVisible);
  latest.current = onVisible;
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) latest.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return ref;
}
