// babel-preset-taro: used by `taro build` and by jest (babel-jest) for TypeScript and JSX.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
