/*
 * A restored tab not loaded yet (Chrome). Vanilla and tiny: two hundred of these may open at
 * once. Parameters as written by lib/lazy-url.ts: u (real URL), t (title), i (icon).
 */
const params = new URLSearchParams(location.search);
const real = params.get('u') ?? '';
document.title = params.get('t') || real;
const icon = params.get('i');
if (icon !== null && /^https?:/.test(icon)) {
  const link = document.createElement('link');
  link.rel = 'icon';
  link.href = icon;
  document.head.append(link);
}

// Only web pages: a crafted link must not send the tab anywhere else.
const go = () => {
  if (document.visibilityState === 'visible' && /^https?:/.test(real)) location.replace(real);
};
document.addEventListener('visibilitychange', go);
go();
