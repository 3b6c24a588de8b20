import type { Plugin } from 'vite';

/**
 * Puts the stylesheets of one HTML entrypoint (`entrypoints/<page>/index.html`) into the
 * page as <style>: a linked stylesheet holds back the first paint for its own load, which
 * for the popup was a third of the time to its first row. Extension pages may have inline
 * styles (the default policy restricts scripts only). The files stay for other pages.
 */
export function inlinePageCss(page: string): Plugin {
  return {
    name: 'tabkeep:inline-page-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (bundle === undefined || !ctx.filename.endsWith(`/${page}/index.html`)) return html;
        return html.replace(/<link rel="stylesheet"[^>]*? href="([^"]+)"[^>]*>/g, (tag, href) => {
          const asset = bundle[String(href).replace(/^\//, '')];
          // A `</style>` inside would end the element early; no stylesheet of ours has one.
          if (asset?.type !== 'asset' || String(asset.source).includes('</style')) return tag;
          return `<style>${String(asset.source)}</style>`;
        });
      },
    },
  };
}
