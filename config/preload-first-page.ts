import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Compiler } from 'webpack';

/**
 * Issue 17 (first paint): the H5 router loads a page's code only after the app's own bundles have
 * arrived and run — on a slow phone one more round trip and download after them. The first
 * screen is almost always the home page (the hash router's default route), so index.html asks
 * for its chunks at once (`<link rel="preload">`), in parallel with the app's bundles; the
 * router then finds them in the cache. `request` is the page's module as the router imports it
 * (`./pages/home/index`).
 */
export class PreloadFirstPage {
  constructor(private readonly request: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('PreloadFirstPage', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadFirstPage', (data) => {
        const group = compilation.chunkGroups.find((candidate) => candidate.origins.some((origin) => origin.request === this.request));
        if (!group) throw new Error(`PreloadFirstPage: no chunk is loaded for ${this.request}`);
        const publicPath = String(compilation.outputOptions.publicPath ?? '/');
        const files = group.chunks.flatMap((chunk) => [...chunk.files]).filter((file) => /\.(js|css)$/.test(file));
        const links = files.map((file) =>
          HtmlWebpackPlugin.createHtmlTagObject('link', { rel: 'preload', as: file.endsWith('.css') ? 'style' : 'script', href: `${publicPath}${file}` }),
        );
        data.headTags.push(...links);
        return data;
      });
    });
  }
}
