import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { WEAPP_BUILD_SETTINGS } from './weapp-env';
import { PreloadFirstPage } from './preload-first-page';

// Taro build configuration. Business constants never live here: rules are in backend/domain.
export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  // Taro compiles only sourceRoot: common/ (the words and limits the server reads too) is
  // TypeScript outside it and is compiled with the pages.
  const compile = { include: [path.resolve(__dirname, '../common')] };
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'weishishi',
    date: '2026-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // weapp and h5 would share dist/ by default; each gets its own root.
    outputRoot: isH5 ? 'dist/h5' : 'dist/weapp',
    plugins: [],
    defineConstants: {},
    // Build-time settings of the weapp, always defined (empty when unset): an expression left as
    // `process.env.X` would throw at launch in a mini-program, which has no `process`.
    env: Object.fromEntries(
      WEAPP_BUILD_SETTINGS.map((name) => [
        name,
        JSON.stringify(process.env[name] ?? ''),
      ]),
    ),
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // The weapp build never uses webpack's persistent cache: with a warm cache, a changed build-time
    // constant (TARO_APP_CLOUD_ENV …) makes @tarojs/taro-loader 4.2.1 rebuild only the inner
    // entry-cache module and emit an app.js whose App module is empty (the app dies at launch), and
    // every later build stays broken until the cache is deleted. Keying the cache on the values
    // would only move the trap to the next constant. H5 has no such entry and keeps its cache.
    cache: { enable: isH5 },
    alias: {},
    // Taro's base.wxml repeats every template once per nesting level; deeper trees continue in
    // its recursive `comp` component. 8 levels cover our pages' static nesting (measured in
    // bench/RESULTS.md) at about half the main package's template weight.
    baseLevel: Number(process.env.WEAPP_BASE_LEVEL ?? 8),
    mini: {
      compile,
      // Shared component styles are imported in different orders by different pages; the
      // components do not depend on that order.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // Issue 17 (first paint): the home page's chunks load with the app's bundles, not after them.
      webpackChain(chain) {
        chain.plugin('preload-first-page').use(PreloadFirstPage, ['./pages/home/index']);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
