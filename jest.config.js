// Two projects: `node` for the domain, the store, the use cases and HTTP; `ui` for pages in jsdom
// rendered with the real Taro H5 components (see test/ui/setup and the toolchain notes).
const taroEsmPackages = [
  '@tarojs',
  '@stencil',
  'swiper',
  'lodash-es',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'history',
  'nanoid',
];

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/test/support/closing-line-reporter.js'],
  coverageProvider: 'v8',
  collectCoverageFrom: ['backend/domain/**/*.ts'],
  coverageThreshold: {
    './backend/domain/': { lines: 100, branches: 100, functions: 100, statements: 100 },
  },
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/{architecture,domain,app,store,api,functions,scripts,e2e,reliability}/**/*.test.ts'],
      transform: { '^.+\\.(m?js|jsx|tsx?)$': 'babel-jest' },
    },
    {
      displayName: 'ui',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx'],
      transform: { '^.+\\.(m?js|jsx|tsx?)$': 'babel-jest' },
      // Everything inside @tarojs (with its own nested node_modules) is ESM and gets transformed.
      transformIgnorePatterns: [`^(?!.*/node_modules/@tarojs/).*/node_modules/(?!(${taroEsmPackages.join('|')})/)`],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react/index.js',
        '^@tarojs/taro$': '<rootDir>/test/ui/support/taro-shim.ts',
        '\\.(css|scss|less)$': '<rootDir>/test/ui/support/style-stub.js',
      },
      setupFiles: ['<rootDir>/test/ui/support/globals.js'],
      setupFilesAfterEnv: ['<rootDir>/test/ui/support/setup.ts'],
    },
    {
      // The built weapp in miniprogram-simulate (test/weapp/README.md): the view layer in jsdom made
      // by the harness, the logic layer in a vm context, the api cloud function in-process.
      displayName: 'weapp',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      transform: { '^.+\\.(m?js|jsx|tsx?)$': 'babel-jest' },
    },
  ],
};
