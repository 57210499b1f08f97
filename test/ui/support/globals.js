// The compile-time constants that Taro's webpack build defines; jest has no webpack.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  SUPPORT_TARO_POLYFILL: 'disabled',
});
