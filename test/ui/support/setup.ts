import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import React from 'react';
import ReactDOM from 'react-dom';
import { createH5NativeComponentConfig } from '@tarojs/plugin-framework-react/dist/runtime';

// Lets Taro's hooks (usePullDownRefresh …) find React outside a Taro app.
createH5NativeComponentConfig(() => null, React, ReactDOM);

// Pages render through Taro's web components; on a busy machine (two cores, parallel builds) the
// default 1 s of findBy / waitFor is too short to tell a slow page from a broken one.
configure({ asyncUtilTimeout: 5000 });
