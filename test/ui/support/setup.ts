import '@testing-library/jest-dom';
import React from 'react';
import ReactDOM from 'react-dom';
import { createH5NativeComponentConfig } from '@tarojs/plugin-framework-react/dist/runtime';

// Lets Taro's hooks (usePullDownRefresh …) find React outside a Taro app.
createH5NativeComponentConfig(() => null, React, ReactDOM);
